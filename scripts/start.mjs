#!/usr/bin/env node
// `npm start`: builds and launches the Electron console. `npm run dev`: the same with live reload.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--dev');

// The electron package fetches its binary from the network on first use; where that cannot
// happen (no network), the package is there but the binary is not.
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      'response-desk: the Electron binary is not installed on this machine, so the desktop window cannot open.',
      '  To get it, run `node node_modules/electron/install.js` on a machine that can download Electron releases.',
      '  Without it, run the same console in your browser: npm run serve',
    ].join('\n'),
  );
  process.exit(1);
}

if (dev) {
  const child = spawn('npx', ['electron-vite', 'dev', '--', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  try {
    buildIfStale();
  } catch (error) {
    console.error(`response-desk: ${error.message}`);
    process.exit(1);
  }
  const result = spawnSync(binary, ['.', ...passThrough], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
