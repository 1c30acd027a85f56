import type { DispatchLogger } from '../core/dispatch';

export type HostLog = DispatchLogger & { info(message: string): void };

/**
 * A log that can never hold the token: every message, and the text of every logged error, has
 * the token replaced. The host itself never logs addresses, headers or other client-written
 * text, so this only guards what request names and handler errors might echo back.
 */
export function redactingLog(log: HostLog, secret: string): HostLog {
  const redact = (text: string) => redactSecret(text, secret);
  const redactError = (error: unknown): unknown => {
    if (!(error instanceof Error)) return redact(String(error));
    const copy = new Error(redact(error.message));
    copy.name = error.name;
    copy.stack = redact(error.stack ?? '');
    return copy;
  };
  return {
    info: (message) => log.info(redact(message)),
    warn: (message) => log.warn(redact(message)),
    error: (message, error) => log.error(redact(message), redactError(error)),
  };
}

/** A run of URL-ish characters, percent-escapes included, as a client might spell the token. */
const RUN = /(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9_.~+-])+/g;

/** Replaces every run of text that spells the secret, literally or percent-encoded, with [token]. */
export function redactSecret(text: string, secret: string): string {
  return text.replace(RUN, (run) => (decodeRun(run).includes(secret) ? '[token]' : run));
}

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}
