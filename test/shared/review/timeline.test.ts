import { addEventsToTimeline, addedEntry, describeEvent, newCaseEvents, reconstructTimeline, startReview, takeInCaseEvents } from '../../../src-shared/review';
import { caseOf, ctx, resolvedP1 } from './fixtures';

describe('timeline reconstruction from the case events', () => {
  it('makes one entry per case event, in time order, each linked to its event by id', () => {
    const timeline = reconstructTimeline(resolvedP1().events);
    expect(timeline.map((entry) => entry.kind)).toEqual(['logged', 'acknowledged', 'escalated', 'workaroundProvided', 'customerUpdatePosted', 'resolved']);
    expect(timeline.map((entry) => entry.eventId)).toEqual(['RD-1001#1', 'RD-1001#2', 'RD-1001#3', 'RD-1001#4', 'RD-1001#5', 'RD-1001#6']);
    expect(timeline.every((entry) => !entry.hidden && !entry.key && entry.annotation === '')).toBe(true);
  });

  it('keeps each event time, actor and a sentence of what happened', () => {
    const [, , escalation] = reconstructTimeline(resolvedP1().events);
    expect(escalation).toMatchObject({ at: '2026-11-26T09:20:00.000Z', actor: 'bo', text: 'to senior engineering for business impact — payments down' });
  });

  it('orders by time even when a back-dated event was recorded later', () => {
    const events = caseOf('RD-7', 'standard', 'P2', '2026-11-26T09:00:00.000Z').note('2026-11-26T11:00:00.000Z', 'later').note('2026-11-26T10:00:00.000Z', 'earlier').events;
    expect(reconstructTimeline(events).map((entry) => entry.text)).toEqual([expect.stringContaining('Payments API'), 'earlier', 'later']);
  });

  it('describes every kind of event with its own words', () => {
    const events = resolvedP1().events;
    expect(describeEvent(events[0]!)).toBe('Payments API returns 502 (P1 Critical) for Acme Bank');
    expect(describeEvent(events[5]!)).toBe('Service restored, by bug fix — Connection pool fixed');
  });

  it('offers case events recorded after the draft started, and only those', () => {
    const builder = resolvedP1();
    const review = startReview(builder.record(), ctx);
    builder.note('2026-11-27T09:00:00.000Z', 'customer confirmed').note('2026-11-27T10:00:00.000Z', 'monitoring quiet');
    const offered = newCaseEvents(builder.events, review.knownEventSeq, review.content.timeline);
    expect(offered.map((event) => event.seq)).toEqual([7, 8]);
  });

  it('does not merge new case events until the engineer adds them, then adds each once', () => {
    const builder = resolvedP1();
    const review = startReview(builder.record(), ctx);
    builder.note('2026-11-27T09:00:00.000Z', 'customer confirmed');
    expect(review.content.timeline).toHaveLength(6);
    const taken = takeInCaseEvents(review, review.version, builder.record(), ctx);
    if (!taken.ok) throw new Error(taken.reason);
    expect(taken.review.content.timeline.map((entry) => entry.text).at(-1)).toBe('customer confirmed');
    expect(newCaseEvents(builder.events, taken.review.knownEventSeq, taken.review.content.timeline)).toEqual([]);
    expect(addEventsToTimeline(taken.review.content.timeline, builder.events)).toHaveLength(7);
  });

  it('adds entries for things outside the case with their own ids and no event link, in time order', () => {
    const timeline = reconstructTimeline(resolvedP1().events);
    const deploy = addedEntry(timeline, { at: '2026-11-26T08:45:00.000Z', kind: 'deploy', text: 'payments v2.3 rolled out', actor: 'ci' });
    const alert = addedEntry([...timeline, deploy], { at: '2026-11-26T08:50:00.000Z', kind: 'alert', text: '5xx rate alert', actor: 'monitoring' });
    expect([deploy.id, alert.id]).toEqual(['added:1', 'added:2']);
    expect(deploy.eventId).toBeNull();
  });
});
