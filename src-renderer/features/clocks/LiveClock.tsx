import type { Clock } from '../../../src-shared/sla';
import { ClockStateBadge } from '../../components/ClockStateBadge';
import { clockDisplayState } from '../../components/clock-state';
import { formatCountdown } from '../../components/time-format';
import { useSettings } from '../../state';
import { useClockNow } from './clock-scope';

/** A clock's state and countdown, read against the one shared UI clock (or the clock of its ClockScope). */
export function useClockDisplay(clock: Clock, escalated = false) {
  const nowMs = useClockNow();
  const lead = useSettings((state) => state.settings?.notifications.leadMinutes[clock.severity] ?? 0);
  const state = clockDisplayState(clock, nowMs, lead, escalated);
  const countdown = clock.endedAt === null && clock.dueAt !== null && state !== 'escalated' ? formatCountdown(Date.parse(clock.dueAt), nowMs) : null;
  return { state, countdown };
}

/** `escalated`: this lack-of-progress period already escalated the case (see clockDisplayState). */
export function LiveClockState({ clock, escalated }: { clock: Clock; escalated?: boolean }) {
  const { state } = useClockDisplay(clock, escalated);
  return <ClockStateBadge state={state} />;
}

export function LiveCountdown({ clock, escalated }: { clock: Clock; escalated?: boolean }) {
  return <Countdown {...useClockDisplay(clock, escalated)} />;
}

/** A countdown as read by `useClockDisplay`; a paused clock waits on the customer. */
export function Countdown({ state, countdown }: ReturnType<typeof useClockDisplay>) {
  if (countdown === null) return <span className="countdown muted">{state === 'paused' ? 'waiting on customer' : '—'}</span>;
  return <span className={`countdown countdown-${state}`}>{countdown}</span>;
}
