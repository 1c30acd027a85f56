import type { TeamMember, TeamView } from '../../../src-shared/contract';

/**
 * The people an owner is picked from: the team's members (one entry per name, whichever console
 * they joined from), or null for a console that works alone (its owner stays free text) or has
 * not heard the members yet.
 */
export function ownerChoices(view: TeamView | null): readonly TeamMember[] | null {
  if (!view || view.connection === 'off' || view.members.length === 0) return null;
  const byName = new Map<string, TeamMember>();
  for (const member of view.members) {
    const key = member.name.trim().toLocaleLowerCase();
    const known = byName.get(key);
    if (!known || (!known.email && member.email)) byName.set(key, member);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** "Ana Lopez (ana@example.com)", or the name alone. */
export const memberLabel = (member: TeamMember) => (member.email ? `${member.name} (${member.email})` : member.name);
