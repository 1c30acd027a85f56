/**
 * The team database's address: `postgres://USER:PASSWORD@HOST:PORT/DB?sslmode=…`. Checked
 * before any connection is tried, so a typo gets a sentence naming what is wrong. The password
 * never leaves main: `display` names host, port and database only.
 */

export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;

export class TeamAddressError extends Error {}

export interface TeamAddress {
  readonly url: string;
  /** `host:port/db` (with the sslmode), for the console and the log. */
  readonly display: string;
}

export function parseTeamAddress(text: string): TeamAddress {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TeamAddressError('The team database address is not a URL; write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TeamAddressError(`The team database address starts with ${url.protocol}//; it must start with postgres://.`);
  }
  if (!url.hostname) throw new TeamAddressError('The team database address names no host; write postgres://USER:PASSWORD@HOST:PORT/DATABASE.');
  if (!url.username) throw new TeamAddressError('The team database address names no user; write postgres://USER:PASSWORD@HOST:PORT/DATABASE.');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new TeamAddressError('The team database address names no database; add /DATABASE after the host and port.');
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null && !(SSL_MODES as readonly string[]).includes(sslmode)) {
    throw new TeamAddressError(`sslmode=${sslmode.slice(0, 40)} is not a TLS mode; use one of ${SSL_MODES.join(', ')}.`);
  }
  const port = url.port || '5432';
  return { url: trimmed, display: `${url.hostname}:${port}/${database}${sslmode ? ` (sslmode=${sslmode})` : ''}` };
}
