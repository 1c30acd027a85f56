import { homedir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCore } from '../core/core';
import { createSystemClock } from '../core/clock';
import { holdConsoleLock } from '../core/console-lock';
import { openDataDir } from '../core/data-dir';
import { startFailureLine } from '../core/errors';
import { LaunchError, defaultUserDataDir, parseLaunchOptions, resolveDataDir, resolveTeamLaunch, teamLaunchWarnings } from '../core/launch-options';
import { createFileTeamVault, createPostgresServer } from '../core/team';
import { startBrowserHost } from './browser-host';
import { tokenFromFile } from './token-file';

/** The browser host's entry point: `npm run serve -- --port N --data-dir DIR`. */

const log = {
  info: (message: string) => console.error(`[desk] ${message}`),
  warn: (message: string) => console.error(`[desk] ${message}`),
  error: (message: string, error: unknown) => console.error(`[desk] ${message}`, error),
};

/** The data folder being opened, for a start-up failure's one line. */
let dataDirInUse = '';

async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2));
  const token = options.tokenFile ? await tokenFromFile(resolve(options.tokenFile)) : undefined;
  const dataDir = resolve(resolveDataDir(options, process.env, () => defaultUserDataDir(process.platform, process.env, homedir())));
  dataDirInUse = dataDir;
  await mkdir(dataDir, { recursive: true });
  // One writer per data folder, taken before any of its files is opened (another console or an import holds it: refused).
  const lock = await holdConsoleLock(dataDir, 'browser');
  const clock = createSystemClock();
  const data = await openDataDir(dataDir, clock);
  const launch = resolveTeamLaunch(options, process.env);
  for (const warning of teamLaunchWarnings(options)) log.warn(warning);
  const core = await createCore({
    host: 'browser',
    version: process.env.npm_package_version ?? '0.1.0',
    dataDir,
    clock,
    ...data,
    team: { connect: (url) => createPostgresServer({ connectionString: url }), vault: createFileTeamVault(dataDir), ...(launch ? { launch } : {}) },
  });
  for (const problem of core.report.corrupt) log.warn(`${problem.file} was unreadable (${problem.reason}); kept aside as ${problem.movedTo}`);
  const host = await startBrowserHost({ core, rootDir: join(__dirname, '../renderer'), port: options.port ?? 0, token, log });
  log.info(`data directory: ${dataDir}`);
  const team = core.team?.view();
  if (team?.server) log.info(`team database: ${team.server}`);
  console.log(`Console ready at ${host.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    await lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof LaunchError) {
    console.error(`response-desk: ${error.message}`);
    process.exit(2);
  }
  // A read-only or full disk, or a file where a folder should be: one line, no stack.
  const line = startFailureLine(error, dataDirInUse);
  if (line) {
    console.error(`response-desk: ${line}`);
    process.exit(1);
  }
  log.error('the browser host could not start', error);
  process.exit(1);
});
