import type { CaseRecord, CaseState } from '../../../src-shared/domain';

/** Severities whose unowned cases notify every console of the team. */
const EVERYONE = new Set<string>(['P1', 'P2']);

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Whether the engineer at this console is told that a case's response or update falls due, in
 * a team: the owner's console only; an unowned P1 or P2 case tells everyone; an unowned P3 or
 * P4 case tells the engineer who logged it (somebody is always told, nobody is flooded).
 */
export function notifiesDueUpdates(record: CaseRecord, state: Pick<CaseState, 'owner' | 'severity'>, engineer: string): boolean {
  if (state.owner !== null) return sameName(state.owner, engineer);
  if (EVERYONE.has(state.severity)) return true;
  return sameName(record.events[0]?.actor ?? '', engineer);
}
