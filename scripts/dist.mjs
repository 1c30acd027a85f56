#!/usr/bin/env node
// `npm run dist`: builds the console and packages it for this system with electron-builder
// (AppImage and deb on Linux, dmg on macOS, NSIS on Windows; electron-builder.json). Packaging
// needs Electron's release archive for the target system, which electron-builder downloads;
// where that cannot happen, it says so.
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

const build = run('npx', ['electron-vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

const target = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform];
if (!target) {
  console.error(`dist: electron-builder has no installer for ${process.platform}`);
  process.exit(1);
}
const pack = run('npx', ['electron-builder', target, '--publish', 'never', ...process.argv.slice(2)]);
if (pack.status !== 0) {
  console.error(
    'dist: electron-builder failed. It needs to download the Electron release for this system; ' +
      'on a machine without access to Electron releases, installers cannot be built (npm run serve still runs the console).',
  );
}
process.exit(pack.status ?? 1);
