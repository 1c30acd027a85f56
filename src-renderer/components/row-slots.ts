/**
 * Keys for recycled rows. A case keeps its slot while it stays in view, so when a change moves
 * one case the other rows keep their DOM and only move; a case coming into view takes a slot let
 * go by one that left, so switching lists updates rows in place instead of creating them anew.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, ids: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of ids) {
    const slot = previous.get(id);
    if (slot !== undefined && !slots.has(id)) {
      slots.set(id, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  for (const id of ids) {
    if (slots.has(id)) continue;
    while (taken.has(free)) free++;
    slots.set(id, free);
    taken.add(free);
  }
  return slots;
}
