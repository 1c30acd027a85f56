import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

/** Where tests keep the screenshots they take: test-results/ is git-ignored, so a test run never changes the docs. */
export const TEST_SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export function screenshotPath(file: string): string {
  mkdirSync(TEST_SCREENSHOTS, { recursive: true });
  return join(TEST_SCREENSHOTS, file);
}
