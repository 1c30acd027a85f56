import { invalidInput, requests, type DeskError, type Result, type ReviewView, type SystemInfo } from '../../src-shared/contract';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import type { CaseRecord } from '../../src-shared/domain';
import { DEFAULT_POLICY } from '../../src-shared/sla';
import {
  caseHeader,
  caseTimeZone,
  newCaseEvents,
  publishReview,
  returnToDraft,
  reviewRequirement,
  reviseReview,
  saveReview,
  setActionItemStatus,
  startReview,
  submitReview,
  takeInCaseEvents,
  type Review,
  type ReviewChange,
  type ReviewDecision,
} from '../../src-shared/review';
import { asChanges } from '../shared/review/as-changes';
import { createFakeDesk } from './fake-desk';

const NOW = '2026-11-27T09:00:00.000Z';

/** A resolved Standard P1 with `extra` more notes. */
export function resolvedCase(extra = 0): CaseRecord {
  const at = (minutes: number) => new Date(Date.parse('2026-11-26T09:00:00.000Z') + minutes * 60_000).toISOString();
  const base = { recordedAt: at(0), actor: 'Ana' };
  const events: CaseRecord['events'] = [
    { ...base, id: 'RD-1001#1', seq: 1, at: at(0), type: 'logged', data: { title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P1', severityDefaulted: false, description: '', reportedBy: '', owner: 'Ana' } },
    { ...base, id: 'RD-1001#2', seq: 2, at: at(10), type: 'acknowledged', data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating the 502s' } },
  ];
  for (let i = 0; i < extra; i++) events.push({ ...base, id: `RD-1001#${events.length + 1}`, seq: events.length + 1, at: at(20 + i), type: 'noteAdded', data: { text: `note ${i + 1}` } });
  events.push({ ...base, id: `RD-1001#${events.length + 1}`, seq: events.length + 1, at: at(180), type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Pool fixed' } });
  return { id: 'RD-1001', events };
}

/**
 * The review requests answered as the core would, with the shared rules, so renderer tests
 * exercise real versions, conflicts and refusals at the message boundary.
 */
export function createReviewBackend(options: { record?: CaseRecord; review?: Review | null; system?: Partial<SystemInfo>; rootCauseCategories?: string[] } = {}) {
  /** `engineer` is who this console's settings name: the actor of every request. */
  const state = { record: options.record ?? resolvedCase(), review: options.review ?? null, engineer: 'Ana' };
  const context = () => ({ nowIso: NOW, actor: state.engineer });
  const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
  const fail = (error: DeskError): Result<never> => ({ ok: false, error });
  const view = (): ReviewView => ({
    caseId: state.record.id,
    header: caseHeader(state.record, caseTimeZone(DEFAULT_POLICY, 'standard')),
    review: state.review,
    requirement: reviewRequirement(state.record, DEFAULT_POLICY, state.review, NOW),
    newCaseEvents: state.review ? newCaseEvents(state.record.events, state.review.knownEventSeq, state.review.content.timeline).length : 0,
  });
  const apply = (decision: ReviewDecision): Result<Review> => {
    if (!decision.ok) {
      const code = decision.code === 'conflict' ? 'CONFLICT' : decision.code === 'notFound' ? 'NOT_FOUND' : decision.code === 'invalid' ? 'INVALID_INPUT' : 'NOT_ALLOWED';
      return fail({ code, message: decision.reason, ...(decision.problems ? { issues: decision.problems } : {}) });
    }
    state.review = decision.review;
    return ok(decision.review);
  };
  const existing = (run: (review: Review) => ReviewDecision) => (state.review ? apply(run(state.review)) : fail({ code: 'NOT_FOUND', message: 'The review of case RD-1001 does not exist.' }));

  const fake = createFakeDesk({
    'system.info': () => ok({ version: 't', host: 'browser', dataDir: '/tmp', storage: { corrupt: [], migrated: [] }, ...options.system }),
    'reviews.get': () => ok(view()),
    'settings.get': () => ok({ ...DEFAULT_SETTINGS, engineerName: state.engineer, ...(options.rootCauseCategories ? { rootCauseCategories: options.rootCauseCategories } : {}) }),
    'reviews.start': () => {
      state.review ??= startReview(state.record, context());
      return ok(view());
    },
    // parsed as the gate parses it, so a change the contract refuses is refused here too
    'reviews.save': (raw: unknown) => {
      const parsed = requests['reviews.save'].input.safeParse(raw);
      if (!parsed.success) return fail(invalidInput('input for reviews.save', parsed.error));
      return existing((review) => saveReview(review, parsed.data.baseVersion, parsed.data.changes, context()));
    },
    'reviews.submit': (input: { baseVersion: number; approver: string }) => existing((review) => submitReview(review, input.baseVersion, input.approver, context())),
    'reviews.publish': (input: { baseVersion: number }) => existing((review) => publishReview(review, input.baseVersion, context())),
    'reviews.returnToDraft': (input: { baseVersion: number }) => existing((review) => returnToDraft(review, input.baseVersion, context())),
    'reviews.revise': (input: { baseVersion: number }) => existing((review) => reviseReview(review, input.baseVersion, context())),
    'reviews.addCaseEvents': (input: { baseVersion: number }) => existing((review) => takeInCaseEvents(review, input.baseVersion, state.record, context())),
    'reviews.setActionItem': (input: { itemId: string; status: 'open' | 'done' }) => existing((review) => setActionItemStatus(review, input.itemId, input.status, context())),
    'reviews.export': () => ok({ fileName: 'RD-1001-review-r1.md', mimeType: 'text/markdown;charset=utf-8', content: '# Review' }),
    'reviews.saveExport': (input: { format: string }) => ok({ savedTo: `/home/ana/RD-1001-review.${input.format}` }),
  });
  return {
    ...fake,
    state,
    saves: () => fake.calls.filter((call) => call.name === 'reviews.save').map((call) => call.input as { caseId: string; baseVersion: number; changes: ReviewChange[] }),
    /** Another window saves first. */
    saveElsewhere(values: Parameters<typeof asChanges>[0]) {
      const review = state.review!;
      const decision = saveReview(review, review.version, asChanges(values), { nowIso: NOW, actor: 'Bo' });
      if (decision.ok) state.review = decision.review;
    },
  };
}
