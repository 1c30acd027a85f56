import { foldCase } from '../../../src-shared/domain';
import { customerOf, planOf, planTimeline, severityOf, statusOf, type SourceTicket } from '../../../src-shared/import';

const PLANS = [
  { id: 'standard', name: 'Standard' },
  { id: 'premium', name: 'Premium' },
];
const NOW = '2026-11-30T12:00:00.000Z';

function ticket(overrides: Partial<SourceTicket> = {}): SourceTicket {
  return {
    source: 'zendesk',
    externalId: '1',
    where: 'ticket 1',
    title: 'Checkout fails',
    description: 'It fails.',
    priority: 'high',
    status: 'open',
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T12:00:00.000Z',
    resolvedAt: null,
    requester: 'Dana',
    assignee: 'Ana',
    organization: 'Acme',
    tags: [],
    channel: 'email',
    satisfaction: null,
    comments: [],
    ...overrides,
  };
}

describe('priority to severity', () => {
  it.each([
    ['zendesk', 'urgent', 'P1'],
    ['zendesk', 'high', 'P2'],
    ['zendesk', 'normal', 'P3'],
    ['zendesk', 'low', 'P4'],
    ['jsm', 'Highest', 'P1'],
    ['jsm', 'High', 'P2'],
    ['jsm', 'Medium', 'P3'],
    ['jsm', 'Low', 'P4'],
    ['jsm', 'Lowest', 'P4'],
    ['jsm', 'Blocker', 'P1'],
    ['jsm', 'Major', 'P2'],
    ['jsm', 'Trivial', 'P4'],
  ] as const)('%s %s is %s', (source, priority, severity) => {
    expect(severityOf({ source, priority }, {})).toEqual({ ok: true, value: { severity, defaulted: false } });
  });

  it('no priority is P3, marked as defaulted, as the framework says', () => {
    expect(severityOf({ source: 'zendesk', priority: null }, {})).toEqual({ ok: true, value: { severity: 'P3', defaulted: true } });
    expect(severityOf({ source: 'jsm', priority: '' }, {})).toEqual({ ok: true, value: { severity: 'P3', defaulted: true } });
  });

  it('a custom name goes through the mapping table, which can also change a standard one', () => {
    expect(severityOf({ source: 'jsm', priority: 'sev 1' }, { priorities: { 'Sev 1': 'P1' } })).toMatchObject({ value: { severity: 'P1' } });
    expect(severityOf({ source: 'zendesk', priority: 'high' }, { priorities: { HIGH: 'P1' } })).toMatchObject({ value: { severity: 'P1' } });
    expect(severityOf({ source: 'jsm', priority: 'Sev 1' }, {})).toEqual({ ok: false, message: expect.stringContaining('priority "Sev 1" has no severity in the mapping table') });
  });
});

describe('status', () => {
  it.each([
    ['zendesk', 'new', 'open'],
    ['zendesk', 'open', 'open'],
    ['zendesk', 'pending', 'waiting'],
    ['zendesk', 'hold', 'waiting'],
    ['zendesk', 'solved', 'resolved'],
    ['zendesk', 'closed', 'closed'],
    ['jsm', 'Waiting for customer', 'waiting'],
    ['jsm', 'Waiting for support', 'open'],
    ['jsm', 'Resolved', 'resolved'],
    ['jsm', 'Closed', 'closed'],
    ['jsm', 'Canceled', 'closed'],
  ] as const)('%s "%s" is %s', (source, status, expected) => {
    expect(statusOf({ source, status, resolvedAt: null }, {})).toEqual({ ok: true, value: expected });
  });

  it('a Jira status of a custom workflow is open, or resolved when the issue has a Resolved date; the table can name it', () => {
    expect(statusOf({ source: 'jsm', status: 'With vendor', resolvedAt: null }, {})).toEqual({ ok: true, value: 'open' });
    expect(statusOf({ source: 'jsm', status: 'Shipped', resolvedAt: NOW }, {})).toEqual({ ok: true, value: 'resolved' });
    expect(statusOf({ source: 'jsm', status: 'With vendor', resolvedAt: null }, { statuses: { 'with vendor': 'waiting' } })).toEqual({ ok: true, value: 'waiting' });
  });

  it('a status Zendesk does not have is refused', () => {
    expect(statusOf({ source: 'zendesk', status: 'archived', resolvedAt: null }, {})).toMatchObject({ ok: false });
  });
});

describe('customer and plan', () => {
  it('the organization is the customer; without one, the requester', () => {
    expect(customerOf({ organization: 'Acme', requester: 'Dana' })).toBe('Acme');
    expect(customerOf({ organization: null, requester: 'Dana' })).toBe('Dana');
  });

  it('a rule naming the customer wins, then a tag naming a plan, then the default', () => {
    const options = { defaultPlan: 'standard', planRules: [{ customer: 'acme', plan: 'premium' }] };
    expect(planOf('Acme', [], PLANS, options)).toBe('premium');
    expect(planOf('Globex', ['Premium'], PLANS, options)).toBe('premium');
    expect(planOf('Globex', ['vip'], PLANS, options)).toBe('standard');
    expect(planOf('Globex', [], PLANS, { defaultPlan: 'premium' })).toBe('premium');
  });
});

describe('the timeline of a ticket', () => {
  const context = { id: 'RD-1001', now: NOW, plans: PLANS };
  const options = { defaultPlan: 'standard' };
  const comments: SourceTicket['comments'] = [
    { at: '2026-11-02T09:00:00.000Z', author: 'Dana', fromRequester: true, public: true, text: 'It fails.' },
    { at: '2026-11-02T09:20:00.000Z', author: 'Ana', fromRequester: false, public: true, text: 'Looking.' },
    { at: '2026-11-02T09:30:00.000Z', author: 'Ana', fromRequester: false, public: false, text: 'Internal: gateway.' },
    { at: '2026-11-02T10:00:00.000Z', author: 'Ana', fromRequester: false, public: true, text: 'Update: vendor engaged.', channel: 'phone' },
    { at: '2026-11-02T10:30:00.000Z', author: 'Dana', fromRequester: true, public: true, text: 'Thanks.' },
  ];

  it('the description comment is the logging; the first public agent answer acknowledges, later ones are customer updates, private ones notes, the requester replies', () => {
    const planned = planTimeline(ticket({ comments }), undefined, context, options);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.value.record.events.map((event) => [event.type, event.actor, event.at])).toEqual([
      ['logged', 'Dana', '2026-11-02T09:00:00.000Z'],
      ['acknowledged', 'Ana', '2026-11-02T09:20:00.000Z'],
      ['noteAdded', 'Ana', '2026-11-02T09:30:00.000Z'],
      ['customerUpdatePosted', 'Ana', '2026-11-02T10:00:00.000Z'],
      ['customerReplied', 'Dana', '2026-11-02T10:30:00.000Z'],
    ]);
    expect(planned.value.record.events[3]).toMatchObject({ data: { channel: 'phone' } });
    expect(planned.value.record.events.every((event) => event.recordedAt === NOW)).toBe(true);
  });

  it('planning the same ticket over its own timeline adds nothing', () => {
    const first = planTimeline(ticket({ comments, status: 'closed', satisfaction: { score: 'bad', comment: 'Slow.' } }), undefined, context, options);
    if (!first.ok) throw new Error(first.message);
    const again = planTimeline(ticket({ comments, status: 'closed', satisfaction: { score: 'bad', comment: 'Slow.' } }), first.value.record, context, options);
    expect(again).toMatchObject({ ok: true, value: { added: 0 } });
    expect(foldCase(first.value.record)).toMatchObject({ status: 'closed', feedback: [{ rating: 1, comment: 'Slow.' }] });
  });

  it('a ticket reopened in the desk reopens the case; one waiting again asks the customer again', () => {
    const solved = planTimeline(ticket({ status: 'solved' }), undefined, context, options);
    if (!solved.ok) throw new Error(solved.message);
    const reopened = planTimeline(ticket({ status: 'pending', updatedAt: '2026-11-03T08:00:00.000Z' }), solved.value.record, context, options);
    if (!reopened.ok) throw new Error(reopened.message);
    expect(reopened.value.record.events.slice(solved.value.record.events.length).map((event) => event.type)).toEqual(['reopened', 'informationRequested']);
    expect(foldCase(reopened.value.record)).toMatchObject({ status: 'waitingOnCustomer', cycle: 2 });
  });

  it('a text over the event limit is cut and says so, rather than refusing the ticket', () => {
    const planned = planTimeline(ticket({ title: 'x'.repeat(400), description: 'y'.repeat(25_000) }), undefined, context, options);
    if (!planned.ok) throw new Error(planned.message);
    const state = foldCase(planned.value.record);
    expect(state.title).toHaveLength(300);
    expect(state.description.endsWith('[…cut on import]')).toBe(true);
  });
});
