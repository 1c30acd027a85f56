import fc from 'fast-check';
import { CaseMap } from '../../src-renderer/state';
import type { CaseRecord } from '../../src-shared/domain';

const record = (id: string, seq: number): CaseRecord => ({ id, events: Array.from({ length: seq }, () => ({})) }) as unknown as CaseRecord;

describe('case records by id', () => {
  it('behaves like a map, with and without a record, and every earlier map still holds what it held', () => {
    const writes = fc.array(fc.tuple(fc.integer({ min: 1000, max: 1400 }), fc.integer({ min: 1, max: 5 }), fc.boolean()), { maxLength: 200 });
    fc.assert(
      fc.property(writes, (steps) => {
        let map = CaseMap.EMPTY;
        const model = new Map<string, CaseRecord>();
        const history: Array<[CaseMap, Map<string, CaseRecord>]> = [];
        for (const [n, seq, removed] of steps) {
          const next = record(`RD-${n}`, seq);
          // A removal (team mode: a case merged into another) drops the id, known or not.
          map = removed ? map.without(next.id) : map.with(next);
          if (removed) model.delete(next.id);
          else model.set(next.id, next);
          history.push([map, new Map(model)]);
        }
        for (const [snapshot, expected] of history) {
          expect(snapshot.size).toBe(expected.size);
          for (const [id, value] of expected) expect(snapshot.get(id)).toBe(value);
          expect(new Set(snapshot)).toEqual(new Set(expected.values()));
        }
        expect(CaseMap.of(model.values()).size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });

  it('replacing one record keeps every other record object', () => {
    const a = record('RD-1001', 1);
    const b = record('RD-1002', 1);
    const before = CaseMap.of([a, b]);
    const after = before.with(record('RD-1001', 2));
    expect(after.get('RD-1002')).toBe(b);
    expect(before.get('RD-1001')).toBe(a);
    expect(after.get('RD-1001')).not.toBe(a);
    expect(after.get('RD-9999')).toBeUndefined();
  });
});
