import { BUNDLE_MIGRATIONS, BundleError, MAX_CASE_NUMBER, readBundle, upgradeBundle, type Bundle, type BundleMigration } from '../../src-shared/bundle';
import type { CaseRecord } from '../../src-shared/domain';
import { startReview } from '../../src-shared/review';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { caseOf, ctx } from './review/fixtures';

const context = { settings: { ...DEFAULT_SETTINGS, engineerName: 'Current' }, prefix: 'RD' };

function closedCase(id: string): CaseRecord {
  const record = caseOf(id, 'standard', 'P2', '2026-11-26T09:00:00.000Z').ack('2026-11-26T09:10:00.000Z').resolve('2026-11-26T12:00:00.000Z').record();
  const at = '2026-11-26T13:00:00.000Z';
  return { id, events: [...record.events, { id: `${id}#4`, seq: 4, at, recordedAt: at, actor: 'ana', type: 'closed', data: { customerConfirmation: '' } }] };
}

function bundle(overrides: Partial<Bundle> = {}): Bundle {
  const open = caseOf('RD-1001', 'premium', 'P1', '2026-11-27T09:00:00.000Z').ack('2026-11-27T09:05:00.000Z').record();
  const closed = closedCase('RD-1002');
  return {
    format: 'response-desk.bundle',
    version: 1,
    exportedAt: '2026-11-29T10:00:00.000Z',
    counter: { prefix: 'RD', nextNumber: 1003 },
    settings: DEFAULT_SETTINGS,
    runtime: { snoozes: { 'RD-1001': '2026-11-29T11:00:00.000Z' }, notified: {} },
    reviews: [startReview(closed, ctx)],
    cases: [open, closed],
    ...overrides,
  };
}

/** The problems an import names for this candidate (none when it reads). */
function problemsOf(candidate: unknown): readonly string[] {
  try {
    readBundle(candidate, context);
    return [];
  } catch (error) {
    if (error instanceof BundleError) return error.problems;
    throw error;
  }
}

function withEvents(record: CaseRecord, change: (events: CaseRecord['events']) => CaseRecord['events']): CaseRecord {
  return { ...record, events: change(record.events) };
}

describe('reading an export bundle', () => {
  it('reads a whole, consistent bundle as it is', () => {
    expect(readBundle(bundle(), context)).toEqual(bundle());
  });

  it('refuses what is not a Response Desk export, naming the format it expects', () => {
    expect(problemsOf([])).toEqual(['(root): must be a JSON object, a Response Desk export']);
    expect(problemsOf({ format: 'zendesk', cases: [] })).toEqual([expect.stringContaining('format: must be "response-desk.bundle"')]);
  });

  it('refuses a bundle of a newer version, saying so', () => {
    expect(problemsOf({ ...bundle(), version: 2 })).toEqual(['version: 2 was written by a newer Response Desk (this one reads up to 1)']);
  });

  it('upgrades an older version through each migration in order', () => {
    const migrations: BundleMigration[] = [
      { from: 2, migrate: (document) => ({ ...document, steps: [...(document.steps as number[]), 2] }) },
      { from: 1, migrate: (document) => ({ ...document, steps: [1] }) },
    ];
    expect(upgradeBundle({ format: 'response-desk.bundle', version: 1 }, migrations, 3)).toEqual({ format: 'response-desk.bundle', version: 3, steps: [1, 2] });
    expect(() => upgradeBundle({ version: 1 }, migrations.slice(0, 1), 3)).toThrow('version: 1 cannot be read by this Response Desk (no upgrade from it)');
    expect(BUNDLE_MIGRATIONS).toEqual([]);
  });

  it('names every schema problem by its path in the file', () => {
    const broken = bundle();
    const bad = { ...broken, cases: [broken.cases[0], { ...broken.cases[1], events: broken.cases[1].events.map((e) => (e.seq === 2 ? { ...e, at: '2026-11-26T10:10:00+01:00' } : e)) }] };
    expect(problemsOf(bad)).toEqual(['cases[1].events[1].at: must be a UTC ISO 8601 instant ending in Z']);
  });

  it('refuses a review that names no case of the bundle', () => {
    const review = { ...startReview(closedCase('RD-1002'), ctx), caseId: 'RD-1050' };
    expect(problemsOf(bundle({ reviews: [review] }))).toEqual(['reviews[0] (RD-1050): the review names case RD-1050, which is not among the cases']);
  });

  it('refuses a review that knows more events than its case has: it was written for another case', () => {
    const review = { ...startReview(closedCase('RD-1002'), ctx), caseId: 'RD-1001', knownEventSeq: 9 };
    expect(problemsOf(bundle({ reviews: [review] }))).toEqual([
      'reviews[0] (RD-1001): the review knows events up to seq 9, but case RD-1001 has 2; it belongs to another case',
    ]);
  });

  it('refuses two reviews of one case', () => {
    const review = startReview(closedCase('RD-1002'), ctx);
    expect(problemsOf(bundle({ reviews: [review, review] }))).toEqual(['reviews[1] (RD-1002): case RD-1002 has a second review (also reviews[0])']);
  });

  it("refuses a case whose plan is not in the bundle's policy", () => {
    const stray = caseOf('RD-1003', 'gold', 'P2', '2026-11-26T09:00:00.000Z').record();
    expect(problemsOf(bundle({ cases: [...bundle().cases, stray], counter: { prefix: 'RD', nextNumber: 1004 } }))).toEqual([
      'cases[2] (RD-1003): plan "gold" is not in the policy (known: standard, premium)',
    ]);
  });

  it('refuses a timeline that does not start with the creation event', () => {
    const [open, closed] = bundle().cases;
    const headless = withEvents(open, (events) => events.slice(1).map((e, i) => ({ ...e, seq: i + 1 })));
    expect(problemsOf(bundle({ cases: [headless, closed] }))).toEqual(["cases[0] (RD-1001): the timeline must start with its 'logged' event, not 'acknowledged'"]);
  });

  it('refuses events out of time order', () => {
    const [open, closed] = bundle().cases;
    const early = withEvents(open, (events) => events.map((e) => (e.seq === 2 ? { ...e, at: '2026-11-27T08:00:00.000Z' } : e)));
    expect(problemsOf(bundle({ cases: [early, closed] }))).toEqual([
      "cases[0] (RD-1001).events[1]: 'acknowledged' at 2026-11-27T08:00:00.000Z comes before the previous event (2026-11-27T09:00:00.000Z); events must be in time order",
    ]);
  });

  it('refuses a case closed before it was logged', () => {
    const [open, closed] = bundle().cases;
    const closedEarly = withEvents(closed, (events) => events.map((e) => (e.type === 'closed' ? { ...e, at: '2026-11-20T09:00:00.000Z' } : e)));
    expect(problemsOf(bundle({ cases: [open, closedEarly] }))).toEqual([
      'cases[1] (RD-1002).events[3]: the case is closed at 2026-11-20T09:00:00.000Z, before it was logged at 2026-11-26T09:00:00.000Z',
    ]);
  });

  it('refuses gaps in the event numbering', () => {
    const [open, closed] = bundle().cases;
    const gap = withEvents(open, (events) => events.map((e) => (e.seq === 2 ? { ...e, seq: 3 } : e)));
    expect(problemsOf(bundle({ cases: [gap, closed] }))).toEqual(['cases[0] (RD-1001).events[1]: seq is 3; seq must run 1, 2, 3 without gaps']);
  });

  it('refuses two spellings of one case number, and any spelling that is not canonical', () => {
    const [open, closed] = bundle().cases;
    const twin = { ...open, id: 'RD-01001' };
    // The case record's own id rule refuses the spelling before the twin check could run.
    expect(problemsOf(bundle({ cases: [open, closed, twin] }))).toEqual([
      'cases[2].id: a case id looks like RD-1001: capital letters, a dash, and a number without leading zeros',
    ]);
  });

  it('refuses a case id with another prefix than the counter', () => {
    const [open, closed] = bundle().cases;
    expect(problemsOf(bundle({ cases: [{ ...open, id: 'XY-1001' }, closed], runtime: { snoozes: {}, notified: {} } }))).toEqual(["cases[0] (XY-1001): case id does not use the counter's prefix RD"]);
  });

  it('refuses a counter that is not above every case number, or that is unbounded', () => {
    expect(problemsOf(bundle({ counter: { prefix: 'RD', nextNumber: 1002 } }))).toEqual([
      'counter.nextNumber: 1002 is not above case RD-1002 (cases[1]), so that id could be handed out again',
    ]);
    expect(problemsOf(bundle({ counter: { prefix: 'RD', nextNumber: Number.MAX_SAFE_INTEGER } }))).toEqual([
      `counter.nextNumber: nextNumber must be at most ${MAX_CASE_NUMBER + 1}`,
    ]);
  });

  it('refuses a case number past the bound', () => {
    const [open, closed] = bundle().cases;
    const huge = { ...open, id: 'RD-1000000000' };
    // Ten digits: past MAX_CASE_NUMBER, refused by the case id rule itself.
    expect(MAX_CASE_NUMBER).toBeLessThan(1_000_000_000);
    expect(problemsOf(bundle({ cases: [huge, closed] }))).toEqual(['cases[0].id: a case id looks like RD-1001: capital letters, a dash, and a number without leading zeros']);
  });

  it('refuses a snooze of a case that is not in the bundle', () => {
    expect(problemsOf(bundle({ runtime: { snoozes: { 'RD-1009': '2026-11-29T11:00:00.000Z' }, notified: {} } }))).toEqual([
      'runtime.snoozes.RD-1009: snoozes a case that is not among the cases',
    ]);
  });

  it('names the first three problems in its message and counts the rest', () => {
    const review = { ...startReview(closedCase('RD-1002'), ctx), caseId: 'RD-1050' };
    const candidate = bundle({ counter: { prefix: 'RD', nextNumber: 1001 }, reviews: [review], runtime: { snoozes: { 'RD-9': '2026-11-29T11:00:00.000Z', 'RD-8': '2026-11-29T11:00:00.000Z' }, notified: {} } });
    expect(() => readBundle(candidate, context)).toThrow(/^The import file is invalid: counter.nextNumber: 1001 is not above case RD-1002 .*; runtime.snoozes.RD-9: .*; and 1 more\.$/);
  });

  it("reads the older cases-only export with the console's current settings and no reviews", () => {
    const { cases } = bundle();
    const legacy = { format: 'response-desk.cases', version: 1, exportedAt: '2026-11-01T10:00:00.000Z', nextNumber: 1003, cases };
    expect(readBundle(legacy, context)).toEqual({
      format: 'response-desk.bundle',
      version: 1,
      exportedAt: '2026-11-01T10:00:00.000Z',
      counter: { prefix: 'RD', nextNumber: 1003 },
      settings: context.settings,
      runtime: { snoozes: {}, notified: {} },
      reviews: [],
      cases,
    });
  });

  it('checks an older cases-only export by the same rules', () => {
    const [open] = bundle().cases;
    const legacy = { format: 'response-desk.cases', version: 1, exportedAt: '2026-11-01T10:00:00.000Z', nextNumber: 1001, cases: [open] };
    expect(problemsOf(legacy)).toEqual(['counter.nextNumber: 1001 is not above case RD-1001 (cases[0]), so that id could be handed out again']);
  });
});
