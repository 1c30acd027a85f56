import {
  REQUEST_NAMES,
  invalidInput,
  requests,
  type DeskError,
  type DeskHandlers,
  type RequestName,
  type Result,
} from '../../src-shared/contract';
import { forLog, toDeskError } from './errors';

export interface DispatchLogger {
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

const knownNames: ReadonlySet<string> = new Set(REQUEST_NAMES);

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && knownNames.has(name);
}

function failure(error: DeskError): Result<never> {
  return { ok: false, error };
}

/**
 * The host-independent half of the gate: checks the request name, parses the input against
 * the contract, calls the handler and maps every outcome to a typed result (one table:
 * `toDeskError`). Never throws, and never logs an input.
 * (The host half, sender and origin checks, lives with each host.)
 */
export async function dispatch(handlers: DeskHandlers, name: unknown, rawInput: unknown, log: DispatchLogger): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    log.warn(`refused unknown request ${JSON.stringify(String(name)).slice(0, 80)}`);
    return failure({ code: 'UNKNOWN_REQUEST', message: `There is no request named ${JSON.stringify(String(name)).slice(0, 80)}.` });
  }
  const parsed = requests[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    log.warn(`refused ${name}: invalid input`);
    return failure(invalidInput('This was not accepted.', parsed.error));
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const mapped = toDeskError(error, name);
    if (mapped.defect) log.error(`${name} failed`, forLog(error));
    else if (mapped.error.code === 'STORAGE') log.warn(`${name} failed: ${mapped.error.message}`);
    return failure(mapped.error);
  }
}
