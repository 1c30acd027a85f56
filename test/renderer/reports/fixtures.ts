import { caseFactsOf, buildReport, reportQuerySchema, type ReviewFacts } from '../../../src-shared/reports';
import type { Result } from '../../../src-shared/contract';
import type { CaseRecord } from '../../../src-shared/domain';
import { DEFAULT_POLICY } from '../../../src-shared/sla';
import { caseRecord, NOW } from '../render-app';

const ACK = { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' };

/**
 * - RD-1001, Premium P1 'Export "fails", sometimes' logged 07:00 today and never acknowledged: its initial
 *   response (1 hour) breached at 08:00 and is still open; escalated automatically to senior engineering.
 * - RD-1002, Standard P3 logged yesterday 09:00 UTC, acknowledged 09:30, resolved 12:00, feedback 4 "Quick, thanks".
 * - RD-1003, Premium P2 logged today 09:00 with a stated business impact, acknowledged 09:10.
 */
export const CASES: CaseRecord[] = [
  caseRecord({ id: 'RD-1001', title: 'Export "fails", sometimes', customer: 'Initech', plan: 'premium', severity: 'P1', owner: 'Ana', loggedAt: '2026-11-26T07:00:00.000Z' }, [
    { type: 'escalated', at: '2026-11-26T07:00:00.000Z', data: { trigger: 'automatic', level: 'seniorEngineering', justification: 'P1 Critical under the Premium plan is escalated automatically' } },
  ]),
  caseRecord({ id: 'RD-1002', title: 'Invoice footer typo', customer: 'Globex', plan: 'standard', severity: 'P3', owner: 'Bo', loggedAt: '2026-11-25T09:00:00.000Z' }, [
    { type: 'acknowledged', at: '2026-11-25T09:30:00.000Z', data: ACK },
    { type: 'resolved', at: '2026-11-25T12:00:00.000Z', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } },
    { type: 'feedbackReceived', at: '2026-11-25T13:00:00.000Z', data: { rating: 4, comment: 'Quick, thanks' } },
  ]),
  caseRecord({ id: 'RD-1003', title: 'Search is slow', customer: 'Acme', plan: 'premium', severity: 'P3', owner: 'Ana', loggedAt: '2026-11-26T09:00:00.000Z' }, [
    { type: 'acknowledged', at: '2026-11-26T09:10:00.000Z', data: ACK },
    { type: 'severityAdjusted', at: '2026-11-26T09:20:00.000Z', data: { from: 'P3', to: 'P2', reason: 'Checkout depends on it.', businessImpact: 'Checkout slows for every EU customer' } },
    { type: 'escalated', at: '2026-11-26T09:30:00.000Z', data: { trigger: 'customerRequest', level: 'management', justification: 'The customer asked for a manager.' } },
  ]),
];

export const REVIEWS = new Map<string, ReviewFacts>([
  ['RD-1002', { caseId: 'RD-1002', categories: ['Software defect'], tags: ['typo'], published: false, actionItems: [] }],
]);

/** Answers reports.query as the core does, over these cases' facts, and records each query. */
export function reportsBackend(records: CaseRecord[] = CASES, reviews: ReadonlyMap<string, ReviewFacts> = REVIEWS) {
  const queries: unknown[] = [];
  const facts = records.map((record) => caseFactsOf(record, DEFAULT_POLICY, [], []));
  return {
    queries,
    'reports.query': (input: unknown): Result<unknown> => {
      queries.push(input);
      return { ok: true, value: buildReport(facts, reviews, reportQuerySchema.parse(input), Date.parse(NOW)) };
    },
  };
}

/** What the page handed to the browser as downloads (jsdom has no object URLs: they are supplied here). */
export function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  let pending: Blob | undefined;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      pending = blob;
      return 'blob:download';
    },
    revokeObjectURL: () => undefined,
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ name: this.download, blob: pending });
    pending = undefined;
  });
  return {
    files,
    text: (blob: Blob) =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(blob);
      }),
    restore: () => click.mockRestore(),
  };
}
