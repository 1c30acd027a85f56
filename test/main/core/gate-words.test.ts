import { REQUEST_NAMES, type DeskHandlers, type DeskError } from '../../../src-shared/contract';
import { dispatch } from '../../../src-main/core/dispatch';

const log = { warn: () => undefined, error: () => undefined };
/** Handlers that are never reached: the gate refuses every input below before any handler runs. */
const unreachable = new Proxy({}, { get: () => async () => { throw new Error('a handler ran for an invalid input'); } }) as DeskHandlers;

async function refusal(name: string, input: unknown): Promise<DeskError> {
  const result = await dispatch(unreachable, name, input, log);
  if (result.ok) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
  return result.error;
}

/** What a person must never read: zod's own words, its issue codes, camelCase field names, dotted or optional-chained paths. */
const NOT_WORDS = [
  /\b[a-z]+[A-Z][A-Za-z]*\b/, // camelCase: leadMinutes, baseVersion
  /\?\./, // roles?.
  /\b[a-z]+_[a-z_]+\b/, // invalid_type, too_small
  /\b[A-Za-z]+\.[A-Za-z0-9]+\b/, // command.checklist, changes.0
  /Invalid input|Too small|Too big|Invalid option|Unrecognized key|discriminator|received|expected/i,
];

function expectHumanWords(error: DeskError): void {
  expect(error.code).toBe('INVALID_INPUT');
  for (const pattern of NOT_WORDS) expect(error.message, `${pattern} in "${error.message}"`).not.toMatch(pattern);
  for (const issue of error.issues ?? []) for (const pattern of NOT_WORDS.slice(2)) expect(issue.message).not.toMatch(pattern);
}

const acknowledge = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.', nextSteps: 'Logs.' };

describe('the gate refuses an input in words a person can read', () => {
  it('names each field as words, then what is wrong with it', async () => {
    const empty = await refusal('cases.create', { title: '', customer: 'Acme', plan: 'standard', severity: 'P9', description: '', reportedBy: '' });
    expect(empty.message).toBe('This was not accepted. Title: is required. Severity: must be one of P1, P2, P3 or P4.');
    // The issue keeps the field's own path, so the form puts the message next to that field.
    expect(empty.issues).toEqual([
      { path: 'title', message: 'title is required' },
      { path: 'severity', message: 'must be one of P1, P2, P3 or P4' },
    ]);
    const missing = await refusal('cases.act', { id: 'RD-1001', command: { type: 'acknowledge' } });
    expect(missing.message).toBe('This was not accepted. Action › checklist: is required. Action › response: is required.');
    const kind = await refusal('reviews.save', { caseId: 'RD-1001', baseVersion: 1, changes: [{ op: 'rename' }] });
    expect(kind.message).toBe('This was not accepted. Change 1 › kind of change: is not a kind this console knows.');
    const nested = await refusal('settings.update', { notifications: { leadMinutes: 'soon' } });
    expect(nested.message).toMatch(/^This was not accepted\. Notifications › lead minutes: /);
    const extra = await refusal('cases.query', { limit: 0, filter: {} });
    expect(extra.message).toBe('This was not accepted. Limit: must be at least 1. Has a field it does not take: filter.');
  });

  it('never shows zod codes, camelCase names or dotted paths, whatever is sent to any request', async () => {
    const inputs: unknown[] = [
      42,
      'text',
      [],
      { bogusField: 1 },
      { id: 5, caseId: 'rd-01', title: 7, command: { type: 'postUpdate' }, baseVersion: -1, changes: [{ op: 'setText', section: 3 }], minutes: 'x', limit: 'many' },
      { id: 'RD-1001', command: { ...acknowledge, checklist: { severityValidated: 'yes' } } },
      { caseId: 'RD-1001', baseVersion: 1, changes: [{ op: 'addActionItem', item: { title: '', dueAt: 'tomorrow' } }] },
      { policy: { schemaVersion: 1, plans: [{ id: '', targets: {} }], calendars: 'none' }, notifications: { leadMinutes: [-5] } },
    ];
    let refused = 0;
    for (const name of REQUEST_NAMES) {
      for (const input of inputs) {
        const result = await dispatch(unreachable, name, input, log).catch(() => undefined);
        if (!result || result.ok) continue;
        expectHumanWords(result.error);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(REQUEST_NAMES.length * 4);
  });
});
