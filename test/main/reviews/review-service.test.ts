import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core/core';
import { createFileReviewStore } from '../../../src-main/core/reviews';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import { dispatch } from '../../../src-main/core/dispatch';
import type { EventPayload } from '../../../src-shared/contract';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import type { ReviewStore } from '../../../src-main/core/reviews';
import type { ReviewExportPort } from '../../../src-main/core/reviews';
import type { CaseRecord } from '../../../src-shared/domain';
import { asChanges } from '../../shared/review/as-changes';
import { caseOf } from '../../shared/review/fixtures';

const ack = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.' } as const;
const resolve = { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Pool fixed' } as const;
const quiet = { warn: () => undefined, error: () => undefined };

async function desk(options: { reviewStore?: ReviewStore; reviewExport?: ReviewExportPort; cases?: CaseRecord[] } = {}) {
  const clock = createManualClock('2026-11-26T09:00:00.000Z');
  const core = await createCore({
    host: 'browser', version: 't', dataDir: '/nonexistent', clock, store: createMemoryCaseStore(options.cases),
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Ana' }),
    reviewStore: options.reviewStore ?? createMemoryReviewStore(),
    ...(options.reviewExport ? { reviewExport: options.reviewExport } : {}),
  });
  const pushed: Array<EventPayload<'reviews.changed'>> = [];
  core.bus.on('reviews.changed', (payload) => pushed.push(payload));
  const request = (name: string, input: unknown) => dispatch(core.handlers, name, input, quiet);
  return { core, clock, pushed, request };
}

async function resolvedP1(core: Awaited<ReturnType<typeof desk>>['core'], clock: ReturnType<typeof createManualClock>) {
  const { id } = await core.handlers['cases.create']({ title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P1', description: '', reportedBy: '' });
  clock.advance(10 * 60_000);
  await core.handlers['cases.act']({ id, command: ack });
  clock.advance(3 * 3_600_000);
  await core.handlers['cases.act']({ id, command: resolve });
  return id;
}

describe('the review service', () => {
  it('shows a resolved P1 as review required, due 5 business days after resolution, before any review exists', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    const view = await core.handlers['reviews.get']({ caseId: id });
    expect(view.review).toBeNull();
    expect(view.requirement).toMatchObject({ required: true, state: 'due', dueAt: '2026-12-03T12:10:00.000Z' });
    expect(view.header).toMatchObject({ caseId: id, severity: 'P1 Critical', timeZone: 'Europe/Berlin' });
  });

  it('starts a draft with the case events on its timeline and announces it', async () => {
    const { core, clock, pushed } = await desk();
    const id = await resolvedP1(core, clock);
    const view = await core.handlers['reviews.start']({ caseId: id });
    expect(view.review?.status).toBe('draft');
    // Three hours without a customer update on a P1: the runtime escalated it for lack of progress.
    expect(view.review?.content.timeline.map((entry) => entry.kind)).toEqual(['logged', 'acknowledged', 'escalated', 'resolved']);
    expect(pushed).toEqual([{ caseId: id, version: 1, status: 'draft', revision: 1 }]);
    const again = await core.handlers['reviews.start']({ caseId: id });
    expect(again.review?.version).toBe(1);
  });

  it('refuses a review of a case that does not exist, naming the id', async () => {
    const { request } = await desk();
    expect(await request('reviews.start', { caseId: 'RD-4040' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Case RD-4040 does not exist.' } });
  });

  it('refuses exporting a review that does not exist, naming the case', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    expect(await request('reviews.export', { caseId: id, format: 'md' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `The review of case ${id} does not exist.` } });
  });

  it('refuses a save from an older version with CONFLICT carrying the stored version, and keeps the stored text', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await request('reviews.save', { caseId: id, baseVersion: 1, changes: asChanges({ summary: 'from window A' }) });
    const late = await request('reviews.save', { caseId: id, baseVersion: 1, changes: asChanges({ summary: 'from window B' }) });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'baseVersion', message: 'the stored review is at version 2' }] } });
    expect((await core.handlers['reviews.get']({ caseId: id })).review?.content.summary).toBe('from window A');
  });

  it('rejects a malformed change at the gate, naming the field with a message a person can act on', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    const result = await request('reviews.save', { caseId: id, baseVersion: 1, changes: [{ op: 'addActionItem', item: { id: '1', title: '', owner: '', due: '4 Dec', link: '' } }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: expect.arrayContaining([{ path: 'changes.0.item.title', message: 'action item title is required' }, { path: 'changes.0.item.due', message: 'must be a date like 2026-12-01' }]) } });
    const script = await request('reviews.save', { caseId: id, baseVersion: 1, changes: [{ op: 'setActionItem', id: 'x', link: 'javascript:alert(1)' }] });
    expect(script).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'changes.0.link', message: 'a link must start with http:// or https://' }] } });
  });

  it('never lets a change link a timeline entry to a case event: an added entry names none', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    const linked = await request('reviews.save', { caseId: id, baseVersion: 1, changes: [{ op: 'addTimelineEntry', entry: { id: 'added:1', eventId: `${id}#99`, at: '2026-11-26T09:05:00.000Z', kind: 'deploy', text: 'Deploy', actor: '' } }] });
    expect(linked).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'changes.0.entry' }] } });
    const unknown = await request('reviews.save', { caseId: id, baseVersion: 1, changes: [{ op: 'setTimelineEntry', id: `event:${id}#99`, hidden: true }] });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Change 1 cannot be made: the timeline has no entry event:${id}#99.`, issues: [{ path: 'changes.0', message: `the timeline has no entry event:${id}#99` }] },
    });
    expect((await core.handlers['reviews.get']({ caseId: id })).review?.version).toBe(1);
  });

  it('hides one entry of a 1,200-note timeline with a request of a few hundred bytes, and still detects a conflict', async () => {
    const long = caseOf('RD-1001', 'standard', 'P1', '2026-11-26T09:00:00.000Z').ack('2026-11-26T09:10:00.000Z');
    for (let n = 1; n <= 1200; n++) long.note(new Date(Date.parse('2026-11-26T09:11:00.000Z') + n * 1000).toISOString(), `Checked the connection pool again, reading ${n}; still within the usual range.`);
    const { core, request } = await desk({ cases: [long.resolve('2026-11-26T12:00:00.000Z').record()] });
    const id = 'RD-1001';
    const view = await core.handlers['reviews.start']({ caseId: id });
    const timeline = view.review!.content.timeline;
    expect(timeline.length).toBeGreaterThan(1200);
    const target = timeline[600]!;
    const input = { caseId: id, baseVersion: 1, changes: [{ op: 'setTimelineEntry', id: target.id, hidden: true }] };
    const wholeSection = JSON.stringify({ caseId: id, baseVersion: 1, changes: { timeline: timeline.map((entry) => (entry.id === target.id ? { ...entry, hidden: true } : entry)) } });
    expect(JSON.stringify(input).length).toBeLessThan(200);
    expect(wholeSection.length).toBeGreaterThan(200_000);
    const saved = await request('reviews.save', input);
    expect(saved).toMatchObject({ ok: true, value: { version: 2 } });
    const stored = (await core.handlers['reviews.get']({ caseId: id })).review!.content.timeline;
    expect(stored.filter((entry) => entry.hidden).map((entry) => entry.id)).toEqual([target.id]);
    expect(stored.map((entry) => ({ ...entry, hidden: false }))).toEqual(timeline);
    const late = await request('reviews.save', { ...input, changes: [{ op: 'setTimelineEntry', id: timeline[601]!.id, key: true }] });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'baseVersion', message: 'the stored review is at version 2' }] } });
  });

  it('enforces the completeness rules when publishing, with the problems listed', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.submit']({ caseId: id, baseVersion: 1, approver: 'Bo' });
    await core.handlers['settings.update']({ engineerName: 'Bo' });
    const refused = await request('reviews.publish', { caseId: id, baseVersion: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', issues: [{ path: 'rootCauseAnalysis.rootCause' }, { path: 'preventativeRecommendations' }] } });
  });

  it('publishes, meets the review requirement, and makes a change a new revision', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' }) });
    await core.handlers['reviews.submit']({ caseId: id, baseVersion: 2, approver: 'Bo' });
    clock.advance(3_600_000);
    await core.handlers['settings.update']({ engineerName: 'Bo' });
    const published = await core.handlers['reviews.publish']({ caseId: id, baseVersion: 3 });
    expect(published).toMatchObject({ status: 'published', submittedBy: 'Ana', approver: 'Bo', revisions: [{ publishedBy: 'Bo', submittedBy: 'Ana' }] });
    expect((await core.handlers['reviews.get']({ caseId: id })).requirement).toMatchObject({ state: 'published' });
    await expect(core.handlers['reviews.save']({ caseId: id, baseVersion: 4, changes: asChanges({ summary: 'x' }) })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const revised = await core.handlers['reviews.revise']({ caseId: id, baseVersion: 4 });
    expect(revised).toMatchObject({ status: 'draft', revision: 2, revisions: [{ revision: 1 }] });
  });

  it('refuses the submitter approving their own review, naming the approver', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' }) });
    expect(await request('reviews.submit', { caseId: id, baseVersion: 2, approver: 'ana' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', issues: [{ path: 'approver' }] } });
    expect(await request('reviews.submit', { caseId: id, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'approver' }] } });
    await core.handlers['reviews.submit']({ caseId: id, baseVersion: 2, approver: 'Bo' });
    expect(await request('reviews.publish', { caseId: id, baseVersion: 3 })).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Ana submitted this review and cannot approve it; Bo approves it.' } });
    expect((await core.handlers['reviews.get']({ caseId: id })).review?.status).toBe('inReview');
  });

  it('offers case events recorded after the draft started and adds them only when asked', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['cases.act']({ id, command: { type: 'addNote', text: 'monitoring quiet' } });
    const view = await core.handlers['reviews.get']({ caseId: id });
    expect(view.newCaseEvents).toBe(1);
    expect(view.review?.content.timeline).toHaveLength((await core.handlers['cases.get']({ id })).events.length - 1);
    const added = await core.handlers['reviews.addCaseEvents']({ caseId: id, baseVersion: 1 });
    expect(added.content.timeline.at(-1)?.text).toBe('monitoring quiet');
    expect((await core.handlers['reviews.get']({ caseId: id })).newCaseEvents).toBe(0);
  });

  it('lists open action items with their due instants, and stamps who closed one', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    const item = { owner: 'Bo', status: 'open' as const, link: '', closedBy: null, closedAt: null };
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ actionItems: [{ id: 'a', title: 'Pool alert', due: '2026-12-01', ...item }, { id: 'b', title: 'Load test', due: null, ...item }] }) });
    expect(await core.reviews.openActionItems()).toEqual([
      { kind: 'actionItem', caseId: id, caseTitle: 'Payments API returns 502', itemId: 'a', title: 'Pool alert', owner: 'Bo', dueAt: '2026-12-01T23:00:00.000Z', overdue: false },
    ]);
    expect((await core.handlers['reviews.deadlines']({})).map((deadline) => deadline.kind)).toEqual(['actionItem', 'reviewDue']);
    const closed = await core.handlers['reviews.setActionItem']({ caseId: id, itemId: 'a', status: 'done' });
    expect(closed.content.actionItems[0]).toMatchObject({ closedBy: 'Ana', closedAt: '2026-11-26T12:10:00.000Z' });
    expect(await core.reviews.openActionItems()).toEqual([]);
  });

  it('exports Markdown and self-contained HTML with every section and the timeline', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ summary: 'Pool **exhausted**' }) });
    const md = await core.handlers['reviews.export']({ caseId: id, format: 'md' });
    expect(md).toMatchObject({ fileName: `${id}-review-r1.md`, mimeType: 'text/markdown;charset=utf-8' });
    expect(md.content).toContain('## Timeline');
    expect(md.content).toContain('| Customer | Acme Bank |\n| Plan | Standard |\n| Severity | P1 Critical |');
    const html = await core.handlers['reviews.export']({ caseId: id, format: 'html' });
    expect(html.content).toContain('<strong>exhausted</strong>');
    expect(html.content).toContain('<h2>Lessons learned</h2>');
    expect(html.content).not.toMatch(/<link|<script|src="http/);
  });

  it('keeps one outline in an export: headings pasted into a section sit below its heading', async () => {
    const { core, clock } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ summary: '# Payments outage postmortem\n\n## What happened\n\nPool ran dry.' }) });
    const html = (await core.handlers['reviews.export']({ caseId: id, format: 'html' })).content;
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h2>Summary</h2>\n<h3>Payments outage postmortem</h3>\n<h4>What happened</h4>');
    const md = (await core.handlers['reviews.export']({ caseId: id, format: 'md' })).content;
    expect(md.match(/^# /gm)).toHaveLength(1);
    expect(md).toContain('## Summary\n\n### Payments outage postmortem\n\n#### What happened');
  });

  it('leaves internal notes out of every export format unless they are asked for', async () => {
    const written: Array<{ path: string; data: string | Uint8Array }> = [];
    const printed: string[] = [];
    const port: ReviewExportPort = {
      printToPdf: async (html) => (printed.push(html), new Uint8Array([37, 80, 68, 70])),
      chooseSavePath: async (name) => `/home/ana/${name}`,
      writeFile: async (path, data) => void written.push({ path, data }),
    };
    const { core, clock } = await desk({ reviewExport: port });
    const id = await resolvedP1(core, clock);
    await core.handlers['cases.act']({ id, command: { type: 'addNote', text: 'Internal: vendor blamed, do not share' } });
    await core.handlers['reviews.start']({ caseId: id });
    for (const format of ['md', 'html'] as const) {
      expect((await core.handlers['reviews.export']({ caseId: id, format })).content).not.toContain('vendor blamed');
      expect((await core.handlers['reviews.export']({ caseId: id, format, includeInternalNotes: true })).content).toContain('vendor blamed');
    }
    await core.handlers['reviews.saveExport']({ caseId: id, format: 'pdf' });
    await core.handlers['reviews.saveExport']({ caseId: id, format: 'md' });
    expect(printed[0]).not.toContain('vendor blamed');
    expect(String(written[1]?.data)).not.toContain('vendor blamed');
    await core.handlers['reviews.saveExport']({ caseId: id, format: 'pdf', includeInternalNotes: true });
    expect(printed[1]).toContain('vendor blamed');
  });

  it('says saving to a file belongs to the desktop console when the host has no save dialog', async () => {
    const { core, clock, request } = await desk();
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    expect(await request('reviews.saveExport', { caseId: id, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('desktop console') } });
  });

  it('prints a PDF through the host port and writes it where the engineer chose', async () => {
    const written: Array<{ path: string; data: string | Uint8Array }> = [];
    const printed: string[] = [];
    const port: ReviewExportPort = {
      printToPdf: async (html) => (printed.push(html), new Uint8Array([37, 80, 68, 70])),
      chooseSavePath: async (name) => `/home/ana/${name}`,
      writeFile: async (path, data) => void written.push({ path, data }),
    };
    const { core, clock } = await desk({ reviewExport: port });
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    expect(await core.handlers['reviews.saveExport']({ caseId: id, format: 'pdf' })).toEqual({ savedTo: `/home/ana/${id}-review-r1.pdf` });
    expect(printed[0]).toContain('<!doctype html>');
    // the PDF carries the header the other formats have
    for (const fact of ['<th scope="row">Customer</th><td>Acme Bank</td>', '<th scope="row">Plan</th><td>Standard</td>', '<th scope="row">Severity</th><td>P1 Critical</td>', '<th scope="row">Review</th><td>Draft, revision 1</td>']) {
      expect(printed[0]).toContain(fact);
    }
    expect(written).toEqual([{ path: `/home/ana/${id}-review-r1.pdf`, data: new Uint8Array([37, 80, 68, 70]) }]);
  });

  it('writes nothing when the engineer cancels the save dialog', async () => {
    const written: string[] = [];
    const port: ReviewExportPort = { printToPdf: async () => new Uint8Array(), chooseSavePath: async () => null, writeFile: async (path) => void written.push(path) };
    const { core, clock } = await desk({ reviewExport: port });
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    expect(await core.handlers['reviews.saveExport']({ caseId: id, format: 'md' })).toEqual({ savedTo: null });
    expect(written).toEqual([]);
  });
});

describe('reviews on disk', () => {
  it('keeps one versioned file per review and reads it back after a restart', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'desk-reviews-')), 'reviews');
    const { core, clock } = await desk({ reviewStore: createFileReviewStore({ dir, now: () => 0 }) });
    const id = await resolvedP1(core, clock);
    await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: asChanges({ summary: 'written before the crash' }) });
    expect(await readdir(dir)).toEqual([`${id}.json`]);
    expect(JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8'))).toMatchObject({ schemaVersion: 1, review: { caseId: id, version: 2 } });
    const reopened = createFileReviewStore({ dir, now: () => 0 });
    expect((await reopened.load(id))?.content.summary).toBe('written before the crash');
    expect(await reopened.caseIds()).toEqual([id]);
  });

  it('moves an unreadable review file aside instead of overwriting it, and reports it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-reviews-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'RD-1001.json'), '{"schemaVersion":1,"review":', 'utf8');
    const corrupt: string[] = [];
    const store = createFileReviewStore({ dir, now: () => Date.parse('2026-11-26T10:00:00.000Z'), onCorrupt: (file) => corrupt.push(file.movedTo) });
    expect(await store.load('RD-1001')).toBeUndefined();
    expect(corrupt).toEqual([join(dir, 'RD-1001.json.corrupt-20261126T100000000Z')]);
    expect((await readdir(dir)).sort()).toEqual(['RD-1001.json.corrupt-20261126T100000000Z']);
  });
});
