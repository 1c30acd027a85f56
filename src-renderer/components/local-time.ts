import { fromInputValue, toInputValue } from '../../src-shared/words';

/** "2026-11-26T10:15" for a datetime-local input, in the engineer's zone (as every time on screen). */
export function toLocalInputValue(instant: Date): string {
  return toInputValue(instant.toISOString());
}

/** A datetime-local value (engineer's zone) as a UTC ISO instant, or undefined when empty/invalid. */
export function fromLocalInputValue(value: string): string | undefined {
  return fromInputValue(value) ?? undefined;
}
