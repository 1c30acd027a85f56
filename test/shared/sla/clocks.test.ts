import fc from 'fast-check';
import { DEFAULT_POLICY, clocksOf, nextDueClock, type Clock, type ClockKind } from '../../../src-shared/sla';
import { timeline } from './events';

const P = DEFAULT_POLICY;
const only = (clocks: Clock[], kind: ClockKind, cycle = 1) => clocks.filter((c) => c.kind === kind && c.cycle === cycle);
const last = (clocks: Clock[], kind: ClockKind, cycle = 1) => only(clocks, kind, cycle).at(-1)!;

// Berlin is UTC+1 in November: 09:00 local is 08:00Z. 2026-11-23 is a Monday.
describe('rule 1: the initial-response clock runs from logging to acknowledgement and never pauses', () => {
  it('starts at the logged time, even back-dated, and is met at acknowledgement', () => {
    const t = timeline('premium', 'P2', '2026-11-23T10:00:00Z').ack('2026-11-23T11:30:00Z');
    const clock = last(clocksOf(t.events, P, '2026-11-23T12:00:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ startedAt: '2026-11-23T10:00:00.000Z', dueAt: '2026-11-23T12:00:00.000Z', state: 'met', metAt: '2026-11-23T11:30:00.000Z', breachedAt: null, elapsedMinutes: 90 });
  });

  it('is breached once due without acknowledgement, and a late acknowledgement keeps breachedAt', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-23T11:30:00Z'), 'initialResponse')).toMatchObject({ state: 'breached', breachedAt: '2026-11-23T11:00:00.000Z', remainingMinutes: -30 });
    t.ack('2026-11-23T12:00:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-23T13:00:00Z'), 'initialResponse')).toMatchObject({ state: 'met', breachedAt: '2026-11-23T11:00:00.000Z' });
  });

  it('does not pause while information is requested', () => {
    const t = timeline('premium', 'P2', '2026-11-23T10:00:00Z').ask('2026-11-23T10:10:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-23T11:00:00Z'), 'initialResponse')).toMatchObject({ state: 'running', dueAt: '2026-11-23T12:00:00.000Z' });
  });
});

describe('rule 2: the update clock starts at acknowledgement, restarts at every customer update and stops at resolution', () => {
  it('restarts at each update, each period met or breached on its own', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:20:00Z').update('2026-11-23T11:00:00Z').update('2026-11-23T12:30:00Z');
    const updates = only(clocksOf(t.events, P, '2026-11-23T12:40:00Z'), 'customerUpdate');
    expect(updates.map((c) => [c.startedAt, c.state, c.breachedAt])).toEqual([
      ['2026-11-23T10:20:00.000Z', 'met', null],
      ['2026-11-23T11:00:00.000Z', 'met', '2026-11-23T12:00:00.000Z'],
      ['2026-11-23T12:30:00.000Z', 'running', null],
    ]);
  });

  it('stops at resolution', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:20:00Z').resolve('2026-11-23T10:50:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-23T15:00:00Z'), 'customerUpdate')).toMatchObject({ state: 'stopped', endedAt: '2026-11-23T10:50:00.000Z', elapsedMinutes: 30 });
  });
});

describe('rule 3: while information is requested, the update and lack-of-progress clocks pause', () => {
  it('pauses on request and resumes on reply, pushing the deadline by the paused time', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:00:00Z').ask('2026-11-23T10:30:00Z');
    const paused = clocksOf(t.events, P, '2026-11-23T12:00:00Z');
    expect(last(paused, 'customerUpdate')).toMatchObject({ state: 'paused', dueAt: null, elapsedMinutes: 30, remainingMinutes: 30 });
    expect(last(paused, 'lackOfProgress')).toMatchObject({ state: 'paused', dueAt: null });
    t.reply('2026-11-23T14:00:00Z');
    const resumed = clocksOf(t.events, P, '2026-11-23T14:10:00Z');
    expect(last(resumed, 'customerUpdate')).toMatchObject({ state: 'running', dueAt: '2026-11-23T14:30:00.000Z', elapsedMinutes: 40 });
    expect(last(resumed, 'lackOfProgress')).toMatchObject({ state: 'running', dueAt: '2026-11-23T15:30:00.000Z' });
  });

  it('a pause never makes a deadline earlier', () => {
    const base = Date.parse('2026-11-23T08:00:00Z');
    const minute = 60_000;
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('standard', 'premium'), fc.constantFrom('P1', 'P2', 'P3', 'P4' as const), (askAfter, pauseFor, plan, severity) => {
      const iso = (m: number) => new Date(base + m * minute).toISOString();
      const plain = timeline(plan, severity, iso(0)).ack(iso(0));
      const withPause = timeline(plan, severity, iso(0)).ack(iso(0)).ask(iso(askAfter)).reply(iso(askAfter + pauseFor));
      const now = iso(askAfter + pauseFor);
      const a = last(clocksOf(plain.events, P, now), 'customerUpdate').dueAt!;
      const b = last(clocksOf(withPause.events, P, now), 'customerUpdate').dueAt!;
      expect(Date.parse(b)).toBeGreaterThanOrEqual(Date.parse(a));
    }), { numRuns: 200 });
  });
});

describe('rule 4: a severity change re-targets running clocks from their start, keeping both targets', () => {
  it('raising P3 to P1 measures the P1 target from the original start', () => {
    const t = timeline('premium', 'P3', '2026-11-23T10:00:00Z').severity('2026-11-23T10:30:00Z', 'P3', 'P1');
    const clock = last(clocksOf(t.events, P, '2026-11-23T10:40:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ dueAt: '2026-11-23T11:00:00.000Z', elapsedMinutes: 40, targetMinutes: 60, severity: 'P1' });
    expect(clock.targetHistory.map((h) => [h.severity, h.targetMinutes])).toEqual([['P3', 240], ['P1', 60]]);
  });

  it('does not re-target a clock that already ended', () => {
    const t = timeline('premium', 'P3', '2026-11-23T10:00:00Z').ack('2026-11-23T11:00:00Z').severity('2026-11-23T11:10:00Z', 'P3', 'P1');
    const clocks = clocksOf(t.events, P, '2026-11-23T11:20:00Z');
    expect(last(clocks, 'initialResponse')).toMatchObject({ state: 'met', targetMinutes: 240, severity: 'P3' });
    expect(last(clocks, 'customerUpdate')).toMatchObject({ targetMinutes: 60, calendarId: '24x7', dueAt: '2026-11-23T12:00:00.000Z' });
  });
});

describe('rule 5: reopening starts a new cycle; earlier cycles keep their results', () => {
  it('keeps cycle 1 results and opens update clocks in cycle 2', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z').update('2026-11-23T10:40:00Z').resolve('2026-11-23T11:00:00Z').close('2026-11-23T12:00:00Z').reopen('2026-11-24T09:00:00Z');
    const clocks = clocksOf(t.events, P, '2026-11-24T09:30:00Z');
    expect(only(clocks, 'customerUpdate', 1).map((c) => c.state)).toEqual(['met', 'stopped']);
    expect(last(clocks, 'initialResponse')).toMatchObject({ state: 'met', cycle: 1 });
    expect(last(clocks, 'customerUpdate', 2)).toMatchObject({ startedAt: '2026-11-24T09:00:00.000Z', state: 'running', dueAt: '2026-11-24T10:00:00.000Z' });
    expect(last(clocks, 'reviewDue', 1)).toMatchObject({ state: 'stopped', endedAt: '2026-11-24T09:00:00.000Z' });
    expect(only(clocks, 'initialResponse', 2)).toEqual([]);
  });
});

describe('rule 6: a clock on a business calendar does not advance outside coverage', () => {
  it('a Standard P1 logged Friday 02:00 starts counting at Friday 09:00', () => {
    // Friday 2026-11-27 02:00 Berlin = 01:00Z; 8 business hours end Friday 17:00 Berlin
    const t = timeline('standard', 'P1', '2026-11-27T01:00:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-27T07:59:00Z'), 'initialResponse')).toMatchObject({ elapsedMinutes: 0, dueAt: '2026-11-27T16:00:00.000Z', state: 'running' });
  });

  it('a Premium P4 is due one business day (8 business hours) after logging', () => {
    const t = timeline('premium', 'P4', '2026-11-27T15:00:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-27T15:00:00Z'), 'initialResponse').dueAt).toBe('2026-11-30T15:00:00.000Z');
  });
});

describe('rule 7: lack of progress: no customer update for cadence + threshold makes escalation due', () => {
  it('is due two cadences after the last update and is met by an update', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:00:00Z');
    expect(last(clocksOf(t.events, P, '2026-11-23T12:01:00Z'), 'lackOfProgress')).toMatchObject({ state: 'breached', breachedAt: '2026-11-23T12:00:00.000Z', targetMinutes: 120 });
    t.update('2026-11-23T11:30:00Z');
    const clocks = clocksOf(t.events, P, '2026-11-23T12:01:00Z');
    expect(only(clocks, 'lackOfProgress').map((c) => c.state)).toEqual(['met', 'running']);
  });
});

describe('review due', () => {
  it('a resolved P1 owes a post-incident review 5 business days later, met when completed', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z').resolve('2026-11-23T15:00:00Z');
    const clocks = clocksOf(t.events, P, '2026-11-24T10:00:00Z');
    expect(last(clocks, 'reviewDue')).toMatchObject({ state: 'running', dueAt: '2026-11-30T15:00:00.000Z', calendarId: 'business-hours' });
    const done = clocksOf(t.events, P, '2026-11-26T10:00:00Z', { reviewsCompleted: [{ cycle: 1, at: '2026-11-26T09:00:00Z' }] });
    expect(last(done, 'reviewDue')).toMatchObject({ state: 'met', metAt: '2026-11-26T09:00:00.000Z' });
  });

  it('a review completed at the very instant of the resolution meets that resolution\'s review clock', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z').resolve('2026-11-23T15:00:00Z');
    const done = clocksOf(t.events, P, '2026-11-24T10:00:00Z', { reviewsCompleted: [{ cycle: 1, at: '2026-11-23T15:00:00Z' }] });
    expect(last(done, 'reviewDue')).toMatchObject({ state: 'met', metAt: '2026-11-23T15:00:00.000Z' });
  });

  it('a P3 needs no review, unless it was P1 during the cycle', () => {
    const p3 = timeline('standard', 'P3', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z').resolve('2026-11-23T15:00:00Z');
    expect(only(clocksOf(p3.events, P, '2026-11-24T10:00:00Z'), 'reviewDue')).toEqual([]);
    const was = timeline('standard', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z').severity('2026-11-23T11:00:00Z', 'P1', 'P3').resolve('2026-11-23T15:00:00Z');
    expect(only(clocksOf(was.events, P, '2026-11-24T10:00:00Z'), 'reviewDue')).toHaveLength(1);
  });
});

describe('nextDueClock', () => {
  it('picks the open clock due soonest and ignores ended or paused ones', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:10:00Z');
    const next = nextDueClock(clocksOf(t.events, P, '2026-11-23T10:20:00Z'));
    expect(next).toMatchObject({ kind: 'customerUpdate', dueAt: '2026-11-23T11:10:00.000Z' });
    t.ask('2026-11-23T10:30:00Z');
    expect(nextDueClock(clocksOf(t.events, P, '2026-11-23T10:40:00Z'))).toBeNull();
  });
});

describe('bad input', () => {
  it('a case on a plan the policy does not know is an error naming the plan', () => {
    const t = timeline('platinum', 'P1', '2026-11-23T10:00:00Z');
    expect(() => clocksOf(t.events, P, '2026-11-23T10:00:00Z')).toThrow(/plan "platinum" is not in the policy/);
  });
});
