import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { NO_CHROMIUM_MESSAGE, ROOT, findChromium } from './harness';

/** Before any end-to-end test: a browser must exist (never a silent skip) and the build must be current. */
export default function setup(): void {
  if (!findChromium()) throw new Error(NO_CHROMIUM_MESSAGE);
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
