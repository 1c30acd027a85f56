#!/usr/bin/env node
// Runs @doyensec/electronegativity over the sources (offline: the Electron version is given)
// and fails on any finding above LOW that docs/security.md does not explain.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
// Scan a copy of the sources only: build output and tests would repeat or blur the findings.
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const sources = join(dir, 'sources');
for (const part of ['package.json', 'src-main', 'src-renderer', 'src-shared']) cpSync(part, join(sources, part), { recursive: true });
const report = join(dir, 'report.csv');
const run = spawnSync('npx', ['electronegativity', '-i', sources, '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', report], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity failed to run');
  process.exit(1);
}

const parseCsvLine = (line) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1]).trim()).slice(0, 8);
const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean).map(parseCsvLine);
rmSync(dir, { recursive: true, force: true });

const explained = readFileSync('docs/security.md', 'utf8');
const rank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
let unexplained = 0;
for (const [check, severity, confidence, file, location] of rows) {
  const above = (rank[severity] ?? 3) > rank.LOW;
  const noted = explained.includes(`| ${check} | ${file} |`);
  const verdict = !above ? 'ok (low)' : noted ? 'explained in docs/security.md' : 'UNEXPLAINED';
  if (above && !noted) unexplained++;
  console.log(`electronegativity: ${check} ${severity}/${confidence} ${file}:${location} -> ${verdict}`);
}
console.log(`electronegativity: ${rows.length} finding(s), ${unexplained} unexplained above LOW`);
process.exit(unexplained === 0 ? 0 : 1);
