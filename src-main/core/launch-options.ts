import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { parseTeamAddress } from './team/team-address';
import { hasPassword, passwordFromEnvironment, passwordInArgumentsWarning, withPassword } from './team/team-password';

export interface LaunchOptions {
  readonly dataDir?: string;
  readonly port?: number;
  /** The browser host's token is kept in this file (made on first use), so its address survives a restart. */
  readonly tokenFile?: string;
  /** `--team postgres://…`: the team database (docs/team.md). */
  readonly team?: string;
}

export class LaunchError extends Error {}

/**
 * Parses the flags both hosts accept. Unknown flags are ignored (Electron and Chromium add
 * their own); a malformed known flag is an error that names it.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'token-file': { type: 'string' }, team: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const options: { dataDir?: string; port?: number; tokenFile?: string; team?: string } = {};
  const dataDir = values['data-dir'];
  if (dataDir !== undefined) {
    if (typeof dataDir !== 'string' || dataDir.trim() === '') throw new LaunchError('--data-dir needs a directory path');
    options.dataDir = dataDir;
  }
  const port = values.port;
  if (port !== undefined) {
    const n = typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new LaunchError(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(port)}`);
    options.port = n;
  }
  const tokenFile = values['token-file'];
  if (tokenFile !== undefined) {
    if (typeof tokenFile !== 'string' || tokenFile.trim() === '') throw new LaunchError('--token-file needs a file path');
    options.tokenFile = tokenFile;
  }
  const team = values.team;
  if (team !== undefined) {
    if (typeof team !== 'string' || team.trim() === '') throw new LaunchError('--team needs the team database address, postgres://USER:PASSWORD@HOST:PORT/DATABASE');
    try {
      parseTeamAddress(team);
    } catch (error) {
      throw new LaunchError(`--team: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.team = team;
  }
  return options;
}

/**
 * The team given at launch: `--team`, else RESPONSE_DESK_TEAM_DB (its email from
 * RESPONSE_DESK_TEAM_EMAIL). An address without a password takes it from
 * RESPONSE_DESK_TEAM_PASSWORD, else PGPASSWORD (kept in main's memory only). Undefined: the one
 * joined in Settings, if any.
 */
export function resolveTeamLaunch(options: LaunchOptions, env: NodeJS.ProcessEnv): { url: string; source: 'flag' | 'environment'; email: string } | undefined {
  const email = env.RESPONSE_DESK_TEAM_EMAIL?.trim() ?? '';
  const password = (url: string) => {
    const given = hasPassword(url) ? undefined : passwordFromEnvironment(env);
    return given === undefined ? url : withPassword(url, given);
  };
  if (options.team) return { url: password(options.team), source: 'flag', email };
  const fromEnv = env.RESPONSE_DESK_TEAM_DB;
  if (fromEnv && fromEnv.trim() !== '') {
    try {
      parseTeamAddress(fromEnv);
    } catch (error) {
      throw new LaunchError(`RESPONSE_DESK_TEAM_DB: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { url: password(fromEnv.trim()), source: 'environment', email };
  }
  return undefined;
}

/** What to warn about at launch: a password on the command line. */
export function teamLaunchWarnings(options: LaunchOptions): string[] {
  const warning = passwordInArgumentsWarning(options.team);
  return warning ? [warning] : [];
}

/**
 * Where data lives: --data-dir, else RESPONSE_DESK_DATA, else the host's default (Electron's
 * userData; the browser host uses the same folder Electron would).
 */
export function resolveDataDir(options: LaunchOptions, env: NodeJS.ProcessEnv, hostDefault: () => string): string {
  if (options.dataDir) return options.dataDir;
  const fromEnv = env.RESPONSE_DESK_DATA;
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  return hostDefault();
}

/** package.json's productName: Electron names its userData folder after it. */
export const PRODUCT_NAME = 'Response Desk';

/** Electron's userData for an app named PRODUCT_NAME, computed without Electron. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const name = PRODUCT_NAME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), name);
}
