import fc from 'fast-check';
import { DeadlineQueue } from '../../../src-main/core/scheduler/deadline-queue';

type Command = { op: 'upsert'; key: string; dueAt: number } | { op: 'remove'; key: string } | { op: 'removePrefix'; prefix: string };

const keyArb = fc.constantFrom('a', 'b', 'c', 'ab', 'ac', 'ba', 'bb', 'cc', 'ca', 'abc');
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('upsert' as const), key: keyArb, dueAt: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removePrefix' as const), prefix: fc.constantFrom('a', 'b', 'c') }) },
);

describe('deadline queue', () => {
  it('for any sequence of arms and removals, pops exactly the armed keys in due order, ties in arming order', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 60 }), fc.integer({ min: 0, max: 20 }), (commands, now) => {
        const queue = new DeadlineQueue<number>();
        // The model: a map whose insertion order is the arming order.
        const model = new Map<string, number>();
        commands.forEach((command, step) => {
          if (command.op === 'upsert') {
            queue.upsert(command.key, command.dueAt, step);
            model.delete(command.key);
            model.set(command.key, command.dueAt);
          } else if (command.op === 'remove') {
            expect(queue.remove(command.key)).toBe(model.delete(command.key));
          } else {
            const matching = [...model.keys()].filter((key) => key.startsWith(command.prefix));
            expect(queue.removeWhere((item) => item.key.startsWith(command.prefix))).toBe(matching.length);
            matching.forEach((key) => model.delete(key));
          }
        });

        expect(queue.size).toBe(model.size);
        const ordered = [...model.entries()]
          .map(([key, dueAt], order) => ({ key, dueAt, order }))
          .sort((x, y) => x.dueAt - y.dueAt || x.order - y.order);
        expect(queue.peek()?.key).toBe(ordered[0]?.key);
        const due = queue.popDue(now);
        expect(due.map((item) => item.key)).toEqual(ordered.filter((item) => item.dueAt <= now).map((item) => item.key));
        expect(queue.size).toBe(ordered.filter((item) => item.dueAt > now).length);
        ordered.forEach((item) => expect(queue.has(item.key)).toBe(item.dueAt > now));
      }),
      { numRuns: 500 },
    );
  });

  it('a re-armed key carries its newest payload', () => {
    const queue = new DeadlineQueue<string>();
    queue.upsert('a', 10, 'old');
    queue.upsert('a', 5, 'new');
    expect(queue.popDue(10)).toEqual([{ key: 'a', dueAt: 5, payload: 'new' }]);
  });
});
