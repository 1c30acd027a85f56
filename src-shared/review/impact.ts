import type { CaseEvent } from '../domain/events';
import type { Impact } from './model';

/**
 * Impact times as the case events tell them: the impact started and was detected when the
 * case was logged (the engineer corrects either when the customer knew earlier), it was
 * mitigated by the first workaround (or the resolution) and resolved at the last resolution.
 */
export function impactFromEvents(events: readonly CaseEvent[]): Impact {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const logged = ordered.find((event) => event.type === 'logged');
  const workaround = ordered.find((event) => event.type === 'workaroundProvided');
  const resolved = ordered.filter((event) => event.type === 'resolved').at(-1);
  return {
    startedAt: logged?.at ?? null,
    detectedAt: logged?.at ?? null,
    mitigatedAt: workaround?.at ?? resolved?.at ?? null,
    resolvedAt: resolved?.at ?? null,
    servicesAffected: '',
    customersAffected: logged?.type === 'logged' ? logged.data.customer : '',
  };
}

/** Minutes from the impact's start to its resolution; null until both are known or when out of order. */
export function impactDurationMinutes(impact: Pick<Impact, 'startedAt' | 'resolvedAt'>): number | null {
  if (!impact.startedAt || !impact.resolvedAt) return null;
  const minutes = (Date.parse(impact.resolvedAt) - Date.parse(impact.startedAt)) / 60_000;
  return minutes >= 0 ? minutes : null;
}

/** "3 d 2 h 5 min", "45 min", "0 min". */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest || (!days && !hours) ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ');
}

/** The impact times must follow each other: started, detected, mitigated, resolved. */
export function impactOrderProblems(impact: Impact): { path: string; message: string }[] {
  const steps = [
    ['startedAt', 'impact start'],
    ['detectedAt', 'detected'],
    ['mitigatedAt', 'mitigated'],
    ['resolvedAt', 'resolved'],
  ] as const;
  const problems: { path: string; message: string }[] = [];
  let previous: { at: string; label: string } | null = null;
  for (const [field, label] of steps) {
    const at = impact[field];
    if (!at) continue;
    if (previous && Date.parse(at) < Date.parse(previous.at)) problems.push({ path: `impact.${field}`, message: `${label} is before ${previous.label}` });
    else previous = { at, label };
  }
  return problems;
}
