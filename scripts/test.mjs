#!/usr/bin/env node
// `npm test`: every test (shared, main, renderer, end to end in Chromium), then one plain
// closing line "tests: N passed, N failed, N skipped". Extra arguments go to vitest. Without a
// Chromium it obtains one where it can (scripts/obtain-browser.mjs); where it cannot, it runs
// every other project and ends failing with the one line that says how to install one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INSTALL_INSTRUCTION, obtainChromium, planTestRun } from './obtain-browser.mjs';

const PROJECTS = ['shared', 'main', 'renderer', 'e2e'];
const require = createRequire(import.meta.url);

function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    // playwright-core knows where its own browser would be even when it is not installed.
    return undefined;
  }
}

const args = process.argv.slice(2);
const wantsBrowser = planTestRun(args, undefined, PROJECTS).withoutBrowser;
const { path: chromium } = wantsBrowser
  ? obtainChromium({
      env: process.env,
      platform: process.platform,
      isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
      exists: existsSync,
      playwrightChromium,
      run: (command, commandArgs) => spawnSync(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
      log: (line) => console.error(line),
      nodePath: process.execPath,
      playwrightCli: join(dirname(require.resolve('playwright-core/package.json')), 'cli.js'),
    })
  : { path: undefined };
const plan = planTestRun(args, chromium, PROJECTS);

let status = 0;
let summary = 'tests: nothing else was asked for';
if (plan.args) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const report = join(dir, 'report.json');
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...plan.args], {
    stdio: 'inherit',
    env: { ...process.env, ...plan.env },
  });
  status = run.status ?? 1;
  summary = 'tests: no report was written';
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = result.numPendingTests + result.numTodoTests;
    summary = `tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`;
    if (result.numTotalTests === 0) status = status || 1;
  } catch {
    // vitest failed before writing its report; its own output says why.
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(summary);
if (plan.withoutBrowser) {
  console.log(INSTALL_INSTRUCTION);
  status = 1;
}
process.exit(status);
