// Builds the console with electron-vite when the sources are newer than out/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'package-lock.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/web.js', 'out/main/import.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function isBuildStale(root = process.cwd()) {
  const built = OUTPUTS.map((file) => join(root, file));
  if (built.some((file) => !existsSync(file))) return true;
  const oldestOutput = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(join(root, source)) > oldestOutput);
}

export function buildIfStale({ root = process.cwd(), quiet = false } = {}) {
  if (!isBuildStale(root)) return false;
  if (!quiet) console.error('[desk] building the console (sources changed)...');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) console.error(result.stdout, result.stderr);
    throw new Error('electron-vite build failed');
  }
  return true;
}

// Run directly (`node scripts/build-if-stale.mjs`), it builds when needed and says so.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildIfStale();
  } catch (error) {
    console.error(`response-desk: ${error.message}`);
    process.exit(1);
  }
}
