import type { Clock } from '../../src-shared/sla';

/**
 * What a clock means to the engineer right now. Open clocks: running, due soon (within the
 * notification lead time), overdue (past due, still owed) or paused (waiting on the customer).
 * Ended clocks: met, met late, stopped, or breached (stopped after its due time).
 */
export type ClockDisplayState = 'running' | 'dueSoon' | 'overdue' | 'escalated' | 'paused' | 'met' | 'metLate' | 'stopped' | 'breached';

/** `escalated`: the case was already escalated for this lack-of-progress period, so past due it reads "Escalated". */
export function clockDisplayState(clock: Clock, nowMs: number, leadMinutes: number, escalated = false): ClockDisplayState {
  if (clock.endedAt !== null) {
    if (clock.state === 'met') return clock.breachedAt ? 'metLate' : 'met';
    return clock.state === 'breached' ? 'breached' : 'stopped';
  }
  if (clock.dueAt === null) return 'paused';
  const left = Date.parse(clock.dueAt) - nowMs;
  if (left < 0) return escalated && clock.kind === 'lackOfProgress' ? 'escalated' : 'overdue';
  if (clock.state === 'paused') return 'paused';
  return left <= leadMinutes * 60_000 ? 'dueSoon' : 'running';
}

/** Text and a symbol for each state, so it reads without colour. */
export const CLOCK_STATE_DISPLAY: Record<ClockDisplayState, { label: string; icon: string }> = {
  running: { label: 'Running', icon: '▶' },
  dueSoon: { label: 'Due soon', icon: '◔' },
  overdue: { label: 'Overdue', icon: '⚠' },
  escalated: { label: 'Escalated', icon: '⇑' },
  paused: { label: 'Paused', icon: '‖' },
  met: { label: 'Met', icon: '✓' },
  metLate: { label: 'Met late', icon: '✓' },
  stopped: { label: 'Stopped', icon: '■' },
  breached: { label: 'Breached', icon: '✕' },
};
