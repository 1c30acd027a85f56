#!/usr/bin/env node
// `npm start`: builds and launches the Electron console. `npm run dev`: the same with live reload.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { obtainElectron } from './obtain-electron.mjs';

const require = createRequire(import.meta.url);
const dev = process.argv.includes('--dev');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--dev');

// The electron package fetches its binary from the network on first use (its install.js, run
// by obtainElectron); where that cannot happen (no network), the package is there but not the binary.
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

const electronDir = () => dirname(require.resolve('electron/package.json'));
const binary = obtainElectron({
  binary: electronBinary,
  install: () => {
    try {
      const run = spawnSync(process.execPath, [join(electronDir(), 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { status: run.status, output: `${run.stdout ?? ''}\n${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}` };
    } catch (error) {
      return { status: 1, output: error instanceof Error ? error.message : String(error) };
    }
  },
  log: (text) => console.error(text),
});
if (!binary) process.exit(1);

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
