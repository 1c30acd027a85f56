#!/usr/bin/env node
// `npm run import -- zendesk|jsm FILE... [--data-dir DIR] [--dry-run]`: built first when needed (docs/import.md).
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-if-stale.mjs';

try {
  buildIfStale({ quiet: true });
} catch (error) {
  console.error(`response-desk: ${error.message}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['out/main/import.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
