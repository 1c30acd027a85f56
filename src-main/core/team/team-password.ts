/**
 * The team database's password kept out of the command line: `--team` is visible to every user
 * of the machine (`ps`), so the address may leave the password out and it is taken from
 * RESPONSE_DESK_TEAM_PASSWORD, else PGPASSWORD, else the connection kept from Settings for the
 * same user, host, port and database (node-postgres also reads ~/.pgpass when none is given).
 */

export const TEAM_PASSWORD_VARIABLES = ['RESPONSE_DESK_TEAM_PASSWORD', 'PGPASSWORD'] as const;

function parse(url: string): URL | undefined {
  try {
    return new URL(url.trim());
  } catch {
    return undefined;
  }
}

export function hasPassword(url: string): boolean {
  return (parse(url)?.password ?? '') !== '';
}

/** The address with this password in it (in main's memory only). */
export function withPassword(url: string, password: string): string {
  const parsed = parse(url);
  if (!parsed) return url;
  parsed.password = password;
  return parsed.toString();
}

/** The password the environment gives for an address without one. */
export function passwordFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of TEAM_PASSWORD_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** Whether two addresses name the same user on the same database (so a kept password fits). */
export function sameAccount(a: string, b: string): boolean {
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return false;
  const port = (url: URL) => url.port || '5432';
  return x.username === y.username && x.hostname === y.hostname && port(x) === port(y) && x.pathname === y.pathname;
}

/** The warning for a password given on the command line, or undefined. */
export function passwordInArgumentsWarning(flagUrl: string | undefined): string | undefined {
  if (!flagUrl || !hasPassword(flagUrl)) return undefined;
  return '--team carries the database password on the command line, where other users of this machine can read it (ps); leave it out of the address and give it in RESPONSE_DESK_TEAM_PASSWORD or PGPASSWORD instead (docs/team.md).';
}
