import fc from 'fast-check';
import { assignSlots } from '../../src-renderer/components/row-slots';

describe('recycled row slots', () => {
  it('a case that stays in view keeps its slot when another case leaves', () => {
    const first = assignSlots(new Map(), ['RD-1', 'RD-2', 'RD-3']);
    const second = assignSlots(first, ['RD-2', 'RD-3', 'RD-4']);
    expect(second.get('RD-2')).toBe(first.get('RD-2'));
    expect(second.get('RD-3')).toBe(first.get('RD-3'));
    expect(second.get('RD-4')).toBe(first.get('RD-1'));
  });

  it('a whole new list takes the slots of the one before, so its rows are updated in place', () => {
    const first = assignSlots(new Map(), ['RD-1', 'RD-2']);
    const second = assignSlots(first, ['RD-7', 'RD-8']);
    expect([...second.values()].sort()).toEqual([...first.values()].sort());
  });

  it('every case in view has its own slot, and the ones that stay keep theirs', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 40 }).map((n) => `RD-${n}`), { maxLength: 30 });
    fc.assert(
      fc.property(ids, ids, (before, after) => {
        const first = assignSlots(new Map(), before);
        const second = assignSlots(first, after);
        expect(new Set(second.values()).size).toBe(after.length);
        for (const id of after) if (first.has(id)) expect(second.get(id)).toBe(first.get(id));
      }),
    );
  });
});
