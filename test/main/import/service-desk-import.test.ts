import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../../../src-main/core/core';
import type { ServiceDeskImportRequest } from '../../../src-main/core/import';
import { foldCase, type CaseRecord } from '../../../src-shared/domain';
import { clocksOf, DEFAULT_POLICY } from '../../../src-shared/sla';
import { changedFiles, desk, snapshotOf } from './desk';
import { FIXTURES, fixture, jsm, zendesk } from './requests';

// Each import snapshots and rewrites the data folder: a limit for hangs on a loaded machine, not for speed.
vi.setConfig({ testTimeout: 30_000 });

const T0 = '2026-11-30T12:00:00.000Z';


/** Runs an import and lets the runtime settle (it starts again after the data is replaced). */
async function run(core: Core, request: ServiceDeskImportRequest) {
  const outcome = await core.serviceDesk.run(request);
  await core.runtime.idle();
  return outcome;
}

async function allCases(core: Core): Promise<CaseRecord[]> {
  return [...(await core.data.collect()).bundle.cases];
}
function byExternal(cases: readonly CaseRecord[], externalId: string): CaseRecord {
  const found = cases.find((record) => record.events[0]?.type === 'logged' && record.events[0].data.origin?.externalId === externalId);
  if (!found) throw new Error(`no case imported from ${externalId}`);
  return found;
}

describe('importing a Zendesk export', () => {
  it('previews the mapping before anything is written: counts per severity and status, the first rows, and every row that cannot be imported', async () => {
    const { core, dir } = await desk();
    const before = await snapshotOf(dir);
    const preview = await core.serviceDesk.preview(zendesk());
    expect(preview).toMatchObject({ tickets: 7, created: 5, updated: 0, alreadyPresent: 0, skipped: 2 });
    expect(preview.bySeverity).toEqual({ P1: 1, P2: 1, P3: 2, P4: 1 });
    expect(preview.byStatus).toEqual({ open: 1, waiting: 2, resolved: 1, closed: 1 });
    expect(preview.rows[0]).toMatchObject({ externalId: '35436', customer: 'Acme Corp', plan: 'premium', severity: 'P1', status: 'open', change: 'create' });
    expect(preview.problems).toEqual([
      { where: 'ticket 35441', message: expect.stringContaining('created_at "yesterday" is not a time') },
      { where: 'ticket 35442', message: expect.stringContaining('status "archived" is not a Zendesk status') },
    ]);
    expect(await snapshotOf(dir)).toEqual(before);
  });

  it('keeps original times, authors and the origin, so an imported Premium P1 acknowledged 90 minutes after creation shows its initial response breached', async () => {
    const { core } = await desk();
    const outcome = await run(core, zendesk());
    expect(outcome.message).toMatch(/^Imported 5 cases \(2 skipped, 0 already present\); previous data backed up as /);
    const record = byExternal(await allCases(core), '35436');
    const state = foldCase(record);
    expect(state).toMatchObject({ title: 'Checkout returns 502 for every order', customer: 'Acme Corp', plan: 'premium', severity: 'P1', owner: 'Ana Ruiz' });
    expect(state.origin).toEqual({ source: 'zendesk', externalId: '35436', desk: 'example-desk.zendesk.com' });
    // (The runtime then escalates at once what the imported history left overdue: not part of the import.)
    const imported = record.events.filter((event) => event.type !== 'escalated');
    expect(imported.map((event) => [event.type, event.at, event.actor])).toEqual([
      ['logged', '2026-11-02T09:00:00.000Z', 'Dana Okafor'],
      ['acknowledged', '2026-11-02T10:30:00.000Z', 'Ana Ruiz'],
      ['noteAdded', '2026-11-02T10:45:00.000Z', 'Ana Ruiz'],
      ['customerReplied', '2026-11-02T11:20:00.000Z', 'Dana Okafor'],
    ]);
    const initial = clocksOf(record.events, DEFAULT_POLICY, T0).find((clock) => clock.kind === 'initialResponse');
    // Met late: the one-hour target passed at 10:00, so the clock keeps its breach.
    expect(initial).toMatchObject({ state: 'met', targetMinutes: 60, breachedAt: '2026-11-02T10:00:00.000Z', metAt: '2026-11-02T10:30:00.000Z' });
    // The case is in the console's own lists, with a case number like any other.
    expect(record.id).toMatch(/^RD-\d+$/);
    expect((await core.handlers['cases.get']({ id: record.id })).id).toBe(record.id);
  });

  it('maps statuses and ratings: solved resolves, closed closes, pending and hold wait on the customer, a good rating is feedback 5', async () => {
    const { core } = await desk();
    await run(core, zendesk());
    const cases = await allCases(core);
    expect(foldCase(byExternal(cases, '35437'))).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-05T16:30:00.000Z', feedback: [{ rating: 5, comment: 'Quick and clear, thanks' }] });
    expect(foldCase(byExternal(cases, '35439'))).toMatchObject({ status: 'closed', closedAt: '2026-10-25T09:00:00.000Z', severity: 'P4', plan: 'standard' });
    // No priority: P3, marked as defaulted; tagged "premium": the Premium plan by rule.
    expect(foldCase(byExternal(cases, '35438'))).toMatchObject({ status: 'waitingOnCustomer', severity: 'P3', severityDefaulted: true, plan: 'premium', customer: 'Sam Park' });
    expect(foldCase(byExternal(cases, '35440'))).toMatchObject({ status: 'waitingOnCustomer', severity: 'P3', severityDefaulted: false });
  });

  it('importing the same files again adds nothing: no new case, no new event, no new case number', async () => {
    const { core } = await desk();
    await run(core, zendesk());
    const first = await allCases(core);
    const again = await run(core, zendesk());
    expect(again).toMatchObject({ created: 0, updated: 0, alreadyPresent: 5, skipped: 2, backup: null });
    expect(again.message).toBe('Imported 0 cases (2 skipped, 5 already present).');
    expect(await allCases(core)).toEqual(first);
    expect((await core.data.collect()).bundle.counter.nextNumber).toBe(1006);
  });

  it('a newer export appends the new comments and moves the status on, without duplicating events or case numbers', async () => {
    const { core, dir, clock } = await desk();
    await run(core, zendesk());
    const first = byExternal(await allCases(core), '35436');
    // The desk went on after the first export; the newer one is taken a day later.
    clock.advance(24 * 3_600_000);
    await core.runtime.idle();
    const newer = JSON.parse(await readFile(join(FIXTURES, 'zendesk-tickets.json'), 'utf8')) as { tickets: Array<Record<string, unknown>> };
    newer.tickets[0] = { ...newer.tickets[0], status: 'solved', updated_at: '2026-12-01T09:30:00Z' };
    const audits = JSON.parse(await readFile(join(FIXTURES, 'zendesk-audits.json'), 'utf8')) as { audits: unknown[] };
    audits.audits.push({
      id: 9010,
      ticket_id: 35436,
      created_at: '2026-12-01T09:00:00Z',
      author_id: 235323,
      events: [{ id: 20, type: 'Comment', body: 'The gateway is back; checkouts succeed again.', public: true, author_id: 235323 }],
    });
    await writeFile(join(dir, 'newer-tickets.json'), JSON.stringify(newer));
    await writeFile(join(dir, 'newer-audits.json'), JSON.stringify(audits));
    const newerFiles = [{ path: join(dir, 'newer-tickets.json'), name: 'tickets' }, { path: join(dir, 'newer-audits.json'), name: 'audits' }];
    const outcome = await run(core, zendesk(newerFiles));
    expect(outcome).toMatchObject({ created: 0, updated: 1, alreadyPresent: 4 });
    const after = byExternal(await allCases(core), '35436');
    expect(after.id).toBe(first.id);
    expect(after.events.slice(0, first.events.length)).toEqual(first.events);
    expect(after.events.slice(first.events.length).map((event) => [event.type, event.at, event.seq])).toEqual([
      ['customerUpdatePosted', '2026-12-01T09:00:00.000Z', first.events.length + 1],
      ['resolved', '2026-12-01T09:30:00.000Z', first.events.length + 2],
    ]);
    expect((await core.data.collect()).bundle.counter.nextNumber).toBe(1006);
    // And that newer export once more: nothing.
    const again = await run(core, zendesk(newerFiles));
    expect(again).toMatchObject({ created: 0, updated: 0, alreadyPresent: 5 });
    expect(byExternal(await allCases(core), '35436')).toEqual(after);
  });

  it('a new comment older than what the case already holds is left out and named, never placed out of order', async () => {
    const { core, dir } = await desk();
    await run(core, zendesk());
    const audits = JSON.parse(await readFile(join(FIXTURES, 'zendesk-audits.json'), 'utf8')) as { audits: unknown[] };
    audits.audits.push({ id: 9011, ticket_id: 35436, created_at: '2026-11-02T09:30:00Z', author_id: 235323, events: [{ id: 21, type: 'Comment', body: 'Late-synced note.', public: false }] });
    await writeFile(join(dir, 'audits.json'), JSON.stringify(audits));
    const before = byExternal(await allCases(core), '35436');
    const outcome = await run(core, zendesk([fixture('zendesk-tickets.json'), { path: join(dir, 'audits.json'), name: 'audits.json' }]));
    expect(outcome.problems).toContainEqual({ where: 'ticket 35436', message: "the comment of Ana Ruiz at 2026-11-02T09:30:00.000Z is older than the case's newest event; it was left out" });
    expect(byExternal(await allCases(core), '35436')).toEqual(before);
  });

  it('reads JSON lines with comments inside each ticket', async () => {
    const { core } = await desk();
    const outcome = await run(core, zendesk([fixture('zendesk-export.jsonl')]));
    expect(outcome).toMatchObject({ created: 2, skipped: 0 });
    const record = byExternal(await allCases(core), '501');
    expect(record.events.filter((event) => event.type !== 'escalated').map((event) => event.type)).toEqual(['logged', 'acknowledged']);
    expect(foldCase(record)).toMatchObject({ severity: 'P2', customer: 'Zendesk user 1', status: 'investigating' });
  });

  it('keeps cases made in the console and their numbers beside the imported ones', async () => {
    const { core } = await desk();
    const own = await core.handlers['cases.create']({ title: 'Our own case', customer: 'Initech', plan: 'standard', severity: 'P2', description: '', reportedBy: '' });
    await run(core, zendesk());
    const cases = await allCases(core);
    expect(cases.find((record) => record.id === own.id)).toBeDefined();
    expect(byExternal(cases, '35436').id).not.toBe(own.id);
    expect(new Set(cases.map((record) => record.id)).size).toBe(cases.length);
  });
});

describe('importing a Jira Service Management CSV export', () => {
  it('reads the BOM, quoted newlines, repeated Comment and Labels columns and the export dates in the given time zone', async () => {
    const { core } = await desk();
    const outcome = await run(core, jsm());
    expect(outcome).toMatchObject({ tickets: 6, created: 5, skipped: 1 });
    expect(outcome.problems).toEqual([{ where: 'line 8 (SUP-17)', message: 'Created "31/Foo/26 8:00 AM" is not a date like 30/Nov/26 10:15 AM' }]);
    const cases = await allCases(core);
    const vpn = byExternal(cases, 'SUP-12');
    expect(foldCase(vpn)).toMatchObject({ severity: 'P1', customer: 'Acme Corp', plan: 'premium', description: 'The tunnel dropped at 10:05.\nNo one in Berlin can reach the ERP.', origin: { source: 'jsm', externalId: 'SUP-12' } });
    // 30/Nov/26 10:15 AM in Berlin (UTC+1) is 09:15 UTC.
    expect(vpn.events.map((event) => [event.type, event.at, event.actor])).toEqual([
      ['logged', '2026-11-30T09:15:00.000Z', 'Dana Okafor'],
      ['acknowledged', '2026-11-30T10:45:00.000Z', 'Ana Ruiz'],
      ['customerUpdatePosted', '2026-11-30T11:10:00.000Z', 'Ana Ruiz'],
      ['customerReplied', '2026-11-30T12:40:00.000Z', 'Dana Okafor'],
    ]);
    const vat = byExternal(cases, 'SUP-13');
    expect(vat.events[1]).toMatchObject({ type: 'acknowledged', data: { response: 'Could you send the order number; the VAT; rules; differ by product.' } });
    expect(foldCase(vat)).toMatchObject({ status: 'waitingOnCustomer', severity: 'P3', customer: 'Globex' });
    expect(foldCase(byExternal(cases, 'SUP-14'))).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-27T09:00:00.000Z', severity: 'P4', customer: 'Sam Park' });
    expect(foldCase(byExternal(cases, 'SUP-15'))).toMatchObject({ status: 'closed', severity: 'P4', owner: null });
    expect(foldCase(byExternal(cases, 'SUP-16'))).toMatchObject({ severity: 'P1', status: 'new' });
  });

  it('a custom priority with no row in the mapping table is named and skipped', async () => {
    const { core } = await desk();
    const preview = await core.serviceDesk.preview({ ...jsm(), mapping: { defaultPlan: 'standard' } });
    expect(preview.problems).toContainEqual({ where: 'line 7 (SUP-16)', message: expect.stringContaining('priority "Sev 1" has no severity in the mapping table') });
    expect(preview.skipped).toBe(2);
  });
});

describe('bad input changes nothing and says what and where', () => {
  const refusals: Array<[string, ServiceDeskImportRequest, RegExp]> = [
    ['an empty file', zendesk([fixture('empty.json')]), /^empty\.json cannot be imported: the file is empty\. Nothing was changed\.$/],
    ['a document cut short', zendesk([fixture('zendesk-cut.json')]), /zendesk-cut\.json cannot be imported: the file is cut short: it ends at line 2\d, column \d+/],
    ['a malformed JSON line', zendesk([fixture('zendesk-bad-line.jsonl')]), /zendesk-bad-line\.jsonl cannot be imported: line 3 is not valid JSON at column 47/],
    ['another tool\'s JSON', zendesk([fixture('other-tool.json')]), /other-tool\.json cannot be imported: it is a JSON document that starts with "format"/],
    ['a CSV given as Zendesk', zendesk([fixture('jsm-export.csv')]), /jsm-export\.csv cannot be imported: it is not JSON: line 1, column 1 starts with "Summary,Issue key/],
    ['an empty CSV', jsm([fixture('empty.json')]), /empty\.json cannot be imported: the file is empty/],
    ['a CSV of another tool', jsm([fixture('jsm-not-jira.csv')]), /jsm-not-jira\.csv cannot be imported: line 1 has no "Issue Key", "Summary", "Status", "Created" column/],
    ['a CSV with a quote never closed', jsm([fixture('jsm-unclosed-quote.csv')]), /jsm-unclosed-quote\.csv cannot be imported: it is not valid CSV at line 3 \(Quote Not Closed/],
    ['a JSON file given as Jira', jsm([fixture('zendesk-tickets.json')]), /zendesk-tickets\.json cannot be imported: it is JSON, not a CSV/],
  ];
  it.each(refusals)('%s', async (_what, request, message) => {
    const { core, dir, atRest } = await desk();
    await run(core, zendesk([fixture('zendesk-export.jsonl')]));
    await atRest();
    const before = await snapshotOf(dir);
    const cases = await allCases(core);
    await expect(core.serviceDesk.run(request)).rejects.toThrow(message);
    await expect(core.serviceDesk.preview(request)).rejects.toThrow(message);
    expect(await allCases(core)).toEqual(cases);
    expect(changedFiles(before, await snapshotOf(dir))).toEqual([]);
  });

  it('a malformed document is refused with the line and column where it stops being JSON', async () => {
    const { core, dir } = await desk();
    const text = (await readFile(join(FIXTURES, 'zendesk-tickets.json'), 'utf8')).replace('"priority": "high",', '"priority": "high" oops,');
    await writeFile(join(dir, 'broken.json'), text);
    const line = text.split('\n').findIndex((row) => row.includes('oops')) + 1;
    const column = (text.split('\n')[line - 1]?.indexOf('oops') ?? 0) + 1;
    await expect(core.serviceDesk.run(zendesk([{ path: join(dir, 'broken.json'), name: 'broken.json' }]))).rejects.toThrow(`broken.json cannot be imported: it is not valid JSON at line ${line}, column ${column}`);
  });

  it('a file where no row can be imported changes nothing', async () => {
    const { core, dir } = await desk();
    await writeFile(join(dir, 'bad.jsonl'), '{"id":1,"status":"new","created_at":"soon"}\n{"id":2,"status":"new"}\n');
    const before = await snapshotOf(dir);
    await expect(core.serviceDesk.run(zendesk([{ path: join(dir, 'bad.jsonl'), name: 'bad.jsonl' }]))).rejects.toThrow(
      /None of the 2 tickets can be imported, so nothing was changed\. ticket 1 \(line 1\): created_at "soon" is not a time/,
    );
    expect(await snapshotOf(dir)).toEqual(before);
  });

  it('a plan the policy lacks is refused before reading', async () => {
    const { core } = await desk();
    await expect(core.serviceDesk.run({ ...zendesk(), mapping: { defaultPlan: 'gold' } })).rejects.toThrow('The mapping names a plan the policy lacks: the plan "gold" is not in the policy (plans: standard, premium)');
  });

  it('the data folder keeps the imported cases across a restart', async () => {
    const { core, dir, close } = await desk();
    await run(core, zendesk());
    const cases = await allCases(core);
    await close();
    const reopened = await desk(dir);
    expect(await allCases(reopened.core)).toEqual(cases);
    await copyFile(join(FIXTURES, 'zendesk-export.jsonl'), join(dir, 'copy.jsonl'));
  });
});
