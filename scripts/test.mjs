#!/usr/bin/env node
// `npm test`: every test (shared, main, renderer, end to end in Chromium), then one plain
// closing line "tests: N passed, N failed, N skipped". Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
const report = join(dir, 'report.json');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let summary = 'tests: no report was written';
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  summary = `tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`;
} catch {
  // vitest failed before writing its report; its own output says why.
}
rmSync(dir, { recursive: true, force: true });
console.log(summary);
process.exit(run.status ?? 1);
