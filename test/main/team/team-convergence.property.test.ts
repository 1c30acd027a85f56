import fc from 'fast-check';
import { Workstation, ack, converge, joinTeam, useTeamServer } from './workstations';

/**
 * Random interleavings of commands, disconnects and restarts on three workstations: once every
 * link is back, every workstation holds the same cases, and every command acknowledged
 * locally is in the team's history (notes are never refused, so each acknowledged note is
 * there exactly once) or was refused by the rules and shown to its author.
 */
const postgres = useTeamServer();

type Step =
  | { kind: 'create'; who: number }
  | { kind: 'note'; who: number; target: number }
  | { kind: 'act'; who: number; target: number; action: 'ack' | 'resolve' | 'close' | 'reopen' }
  | { kind: 'cut'; who: number }
  | { kind: 'restore'; who: number }
  | { kind: 'restart'; who: number };

const who = fc.integer({ min: 0, max: 2 });
const target = fc.integer({ min: 0, max: 5 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: who.map((w) => ({ kind: 'create' as const, who: w })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), who, target }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('act' as const), who, target, action: fc.constantFrom('ack' as const, 'resolve' as const, 'close' as const, 'reopen' as const) }) },
  { weight: 1, arbitrary: who.map((w) => ({ kind: 'cut' as const, who: w })) },
  { weight: 1, arbitrary: who.map((w) => ({ kind: 'restore' as const, who: w })) },
  { weight: 1, arbitrary: who.map((w) => ({ kind: 'restart' as const, who: w })) },
);

const commandOf = (action: 'ack' | 'resolve' | 'close' | 'reopen') =>
  action === 'ack'
    ? ack
    : action === 'resolve'
      ? ({ type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Fixed.' } as const)
      : action === 'close'
        ? ({ type: 'close', customerConfirmation: '' } as const)
        : ({ type: 'reopen', reason: 'Back again.' } as const);

describe('team convergence', () => {
  it('every interleaving of commands, disconnects and restarts converges, and no acknowledged command is lost', { timeout: 600_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const stations: Workstation[] = [];
        try {
          await joinTeam(await postgres.server.database(), postgres.server.port, ['Ana Lopez', 'Ben Ode', 'Cy Park'], stations);
          const ids: string[] = [];
          const notes: string[] = [];
          let n = 0;
          for (const s of steps) {
            const station = stations[s.who]!;
            if (s.kind === 'create') ids.push((await station.create({ title: `Case ${ids.length}` })).id);
            else if (s.kind === 'cut') station.link.cut();
            else if (s.kind === 'restore') station.link.restore();
            else if (s.kind === 'restart') await station.restart();
            else {
              // A station acts on the cases it knows; commands the rules refuse here are simply not acknowledged.
              const known = [...(await station.cases()).keys()].filter((id) => ids.includes(id));
              const id = known[s.target % Math.max(1, known.length)];
              if (id === undefined) continue;
              if (s.kind === 'note') {
                const text = `note ${run}.${n++}`;
                await station.act(id, { type: 'addNote', text });
                notes.push(text);
              } else {
                await station.act(id, commandOf(s.action)).catch(() => undefined);
              }
            }
          }
          for (const station of stations) station.link.restore();
          await converge(stations);
          const all = await stations[0]!.cases();
          expect([...all.keys()].sort()).toEqual([...ids].sort());
          const texts = [...all.values()].flatMap((record) => record.events.flatMap((event) => (event.type === 'noteAdded' ? [event.data.text] : [])));
          expect(texts.sort()).toEqual([...notes].sort());
        } finally {
          run++;
          await Promise.allSettled(stations.map((station) => station.close()));
        }
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
