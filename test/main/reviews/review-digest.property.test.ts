import fc from 'fast-check';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewService, createFileReviewStore, type ReviewStore } from '../../../src-main/core/reviews';
import { notFound } from '../../../src-main/core/errors';
import { EventBus } from '../../../src-main/core/event-bus';
import { reviewFactsOf } from '../../../src-shared/reports';
import { foldCase, type CaseRecord, type Severity } from '../../../src-shared/domain';
import { caseTimeZone, openActionItemDeadlines, reviewDeadlineItems, startReview, type ActionItem, type Review } from '../../../src-shared/review';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import type { CorruptFile } from '../../../src-main/core/storage';
import { caseOf } from '../../shared/review/fixtures';

const policy = DEFAULT_SETTINGS.policy;
const NOW = '2026-12-02T10:00:00.000Z';
const LOGGED = Date.parse('2026-11-23T08:00:00.000Z');
const at = (minutes: number) => new Date(LOGGED + minutes * 60_000).toISOString();

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rd-review-digest-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

type Shape = 'open' | 'resolved' | 'reopened' | 'resolvedAgain';
const caseArb = fc.record({
  plan: fc.constantFrom<string>('standard', 'premium'),
  severity: fc.constantFrom<Severity>('P1', 'P2', 'P3', 'P4'),
  shape: fc.constantFrom<Shape>('open', 'resolved', 'reopened', 'resolvedAgain'),
  /** Minutes after the first case was logged. */
  start: fc.integer({ min: 0, max: 3 * 24 * 60 }),
});

type CaseSpec = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
function recordOf(id: string, spec: CaseSpec): CaseRecord {
  const built = caseOf(id, spec.plan, spec.severity, at(spec.start)).ack(at(spec.start + 5));
  if (spec.shape !== 'open') built.resolve(at(spec.start + 120));
  if (spec.shape === 'reopened' || spec.shape === 'resolvedAgain') built.reopen(at(spec.start + 24 * 60));
  if (spec.shape === 'resolvedAgain') built.resolve(at(spec.start + 26 * 60));
  return built.record();
}

const dayArb = fc.integer({ min: 0, max: 30 }).map((day) => new Date(Date.UTC(2026, 10, 20 + day)).toISOString().slice(0, 10));
const itemArb = fc.record({
  title: fc.constantFrom<string>('Add the pool alert', 'Raise the pool limit', 'Write the runbook', 'Ä long title with ünïcode'),
  owner: fc.constantFrom<string>('', 'Bo', 'Ana'),
  due: fc.option(dayArb, { nil: null }),
  done: fc.boolean(),
  closedAt: fc.integer({ min: 0, max: 9 * 24 * 60 }),
  link: fc.constantFrom<string>('', 'https://tracker.example/T-1'),
});
const reviewArb = fc.record({
  status: fc.constantFrom('draft', 'inReview', 'published' as const),
  /** Minutes after the case's start at which each revision was published. */
  published: fc.array(fc.integer({ min: 0, max: 8 * 24 * 60 }), { maxLength: 3 }),
  items: fc.array(itemArb, { maxLength: 5 }),
  categories: fc.option(fc.subarray(['Capacity', 'Deploy', 'Config']), { nil: undefined }),
  tags: fc.option(fc.subarray(['db', 'eu', 'payments']), { nil: undefined }),
  version: fc.integer({ min: 1, max: 50 }),
});

type ReviewSpec = typeof reviewArb extends fc.Arbitrary<infer T> ? T : never;
function reviewFor(record: CaseRecord, spec: ReviewSpec): Review {
  const review = startReview(record, { nowIso: at(9 * 24 * 60), actor: 'ana' });
  const start = Date.parse(record.events[0]!.at);
  const actionItems: ActionItem[] = spec.items.map((item, index) => {
    const closedAt = item.done ? new Date(start + item.closedAt * 60_000).toISOString() : null;
    return { id: `i${index}`, title: item.title, owner: item.owner, due: item.due, status: item.done ? 'done' : 'open', link: item.link, closedBy: closedAt ? 'bo' : null, closedAt };
  });
  const rootCauseAnalysis = { ...review.content.rootCauseAnalysis, ...(spec.categories ? { categories: spec.categories } : {}), ...(spec.tags ? { tags: spec.tags } : {}) };
  const content = { ...review.content, summary: 'Payments failed for three hours.', actionItems, rootCauseAnalysis };
  const revisions = [...spec.published].sort((a, b) => a - b).map((minutes, index) => ({
    revision: index + 1, publishedAt: new Date(start + minutes * 60_000).toISOString(), publishedBy: 'bo', submittedBy: 'ana', content,
  }));
  return { ...review, status: spec.status, version: spec.version, content, revisions };
}

/** The review service over the given cases and store, its clock at NOW. */
function serviceOf(records: ReadonlyMap<string, CaseRecord>, store: ReviewStore): ReviewService {
  return new ReviewService({
    store,
    cases: {
      get: async (id) => {
        const record = records.get(id);
        if (!record) throw notFound(`Case ${id}`);
        return record;
      },
      list: () => [...records.values()],
      openCase: (id) => records.get(id),
    },
    clock: { now: () => Date.parse(NOW) },
    bus: new EventBus(),
    actor: () => 'ana',
    policy: () => policy,
  });
}

/** What the deadlines and the action items were before digests: computed from every full review. */
function fromFullReviews(records: ReadonlyMap<string, CaseRecord>, reviews: ReadonlyMap<string, Review>) {
  const cases = [...records.values()];
  const deadlines = reviewDeadlineItems({ cases, reviews, policy, nowIso: NOW });
  const actionItems = cases
    .flatMap((record) => {
      const review = reviews.get(record.id);
      if (!review) return [];
      const state = foldCase(record);
      return openActionItemDeadlines(review, state.title, caseTimeZone(policy, state.plan), NOW);
    })
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { deadlines, actionItems };
}

async function expectSameAsFull(service: ReviewService, store: ReviewStore, records: ReadonlyMap<string, CaseRecord>, reviews: ReadonlyMap<string, Review>): Promise<void> {
  const expected = fromFullReviews(records, reviews);
  expect(await service.deadlines()).toEqual(expected.deadlines);
  expect(await service.openActionItems()).toEqual(expected.actionItems);
  // the reports read the same facts from a digest as from its review
  const digests = await store.digests();
  expect([...digests.keys()].sort()).toEqual([...reviews.keys()].sort());
  for (const [caseId, review] of reviews) {
    const timeZone = caseTimeZone(policy, foldCase(records.get(caseId)!).plan);
    expect(reviewFactsOf(digests.get(caseId)!, timeZone)).toEqual(reviewFactsOf(review, timeZone));
  }
}

describe('the review digests', () => {
  it('give the same deadlines, action items and review facts as the full reviews: when built from the files, kept by saves, and built again after a restart', async () => {
    const scenarioArb = fc
      .array(fc.record({ kase: caseArb, review: fc.option(reviewArb, { nil: undefined }) }), { minLength: 1, maxLength: 8 })
      .chain((cases) => fc.tuple(fc.constant(cases), fc.array(fc.record({ index: fc.nat(cases.length - 1), review: reviewArb }), { maxLength: 6 })));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ([cases, saves]) => {
        const dir = join(root, `run-${run++}`, 'reviews');
        await mkdir(dir, { recursive: true });
        const records = new Map(cases.map((spec, index) => {
          const id = `RD-${1001 + index}`;
          return [id, recordOf(id, spec.kase)] as const;
        }));
        const reviews = new Map<string, Review>();
        // the first reviews are on disk before the store starts, as after a restart
        for (const [index, spec] of cases.entries()) {
          if (!spec.review) continue;
          const review = reviewFor(records.get(`RD-${1001 + index}`)!, spec.review);
          reviews.set(review.caseId, review);
          await writeFile(join(dir, `${review.caseId}.json`), JSON.stringify({ schemaVersion: 1, review }));
        }
        const store = createFileReviewStore({ dir, now: () => Date.parse(NOW), held: 2 });
        const service = serviceOf(records, store);
        await expectSameAsFull(service, store, records, reviews);

        // saves after the digests are built (a review changed, or a case's first review) keep them
        for (const save of saves) {
          const review = reviewFor(records.get(`RD-${1001 + save.index}`)!, save.review);
          await store.save(review);
          reviews.set(review.caseId, review);
        }
        await expectSameAsFull(service, store, records, reviews);

        // a restart builds them again from the files
        const restarted = createFileReviewStore({ dir, now: () => Date.parse(NOW), held: 2 });
        await expectSameAsFull(serviceOf(records, restarted), restarted, records, reviews);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the review store keeps a digest of every review', () => {
  const records = new Map([['RD-1001', recordOf('RD-1001', { plan: 'standard', severity: 'P1', shape: 'resolved', start: 0 })], ['RD-1002', recordOf('RD-1002', { plan: 'premium', severity: 'P2', shape: 'resolved', start: 60 })]]);
  const reviewSpec = { status: 'draft' as const, published: [], items: [{ title: 'Add the pool alert', owner: 'Bo', due: '2026-12-10', done: false, closedAt: 0, link: '' }], categories: undefined, tags: undefined, version: 1 };
  const first = () => reviewFor(records.get('RD-1001')!, reviewSpec);
  const second = () => reviewFor(records.get('RD-1002')!, reviewSpec);

  it('once built, the deadlines and the action items read no review file', async () => {
    const dir = join(root, 'reviews');
    const store = createFileReviewStore({ dir, now: () => Date.parse(NOW), held: 0 });
    await store.save(first());
    await store.save(second());
    const service = serviceOf(records, store);
    const deadlines = await service.deadlines();
    const actionItems = await service.openActionItems();
    expect(actionItems.map((item) => item.caseId)).toEqual(['RD-1001', 'RD-1002']);
    // the folder gone: nothing more is read from it
    await rename(dir, join(root, 'elsewhere'));
    expect(await service.deadlines()).toEqual(deadlines);
    expect(await service.openActionItems()).toEqual(actionItems);
  });

  it('a damaged review file is kept aside and left out; the other reviews still count', async () => {
    const dir = join(root, 'reviews');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'RD-1001.json'), JSON.stringify({ schemaVersion: 1, review: first() }));
    await writeFile(join(dir, 'RD-1002.json'), '{"schemaVersion": 1, "review": {"caseId": "RD-10');
    const corrupt: CorruptFile[] = [];
    const store = createFileReviewStore({ dir, now: () => Date.parse(NOW), onCorrupt: (file) => corrupt.push(file) });
    expect([...(await store.digests()).keys()]).toEqual(['RD-1001']);
    expect(corrupt.map((file) => file.file)).toEqual([join(dir, 'RD-1002.json')]);
    expect((await serviceOf(records, store).openActionItems()).map((item) => item.caseId)).toEqual(['RD-1001']);
  });

  it('saves landing while the digests are being built are all in them, and forget() (an import) builds them from the new files', async () => {
    const dir = join(root, 'reviews');
    await mkdir(dir, { recursive: true });
    const ids = Array.from({ length: 20 }, (_, i) => `RD-${2001 + i}`);
    for (const caseId of ids) await writeFile(join(dir, `${caseId}.json`), JSON.stringify({ schemaVersion: 1, review: { ...first(), caseId, version: 1 } }));
    const store = createFileReviewStore({ dir, now: () => Date.parse(NOW), held: 2 });
    // the build reads some cases before their save and some after it
    const [during] = await Promise.all([store.digests(), ...ids.map((caseId) => store.save({ ...first(), caseId, version: 2 }))]);
    expect(ids.map((caseId) => [1, 2].includes(during.get(caseId)?.version ?? 0))).toEqual(ids.map(() => true));
    const after = await store.digests();
    expect(ids.map((caseId) => after.get(caseId)?.version)).toEqual(ids.map(() => 2));
    // what was handed out is a copy: later saves do not change it
    await store.save({ ...first(), caseId: ids[0]!, version: 3 });
    expect(after.get(ids[0]!)?.version).toBe(2);
    expect((await store.digests()).get(ids[0]!)?.version).toBe(3);

    // the folder replaced behind the store (an import), then forget()
    await writeFile(join(dir, 'RD-1001.json'), JSON.stringify({ schemaVersion: 1, review: { ...first(), version: 9, content: { ...first().content, actionItems: [] } } }));
    for (const caseId of ids) await rm(join(dir, `${caseId}.json`));
    store.forget();
    const replaced = await store.digests();
    expect([...replaced.keys()]).toEqual(['RD-1001']);
    expect(replaced.get('RD-1001')).toMatchObject({ version: 9, content: { actionItems: [] } });
  });
});
