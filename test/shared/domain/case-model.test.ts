import { type CaseCommand, type CaseCommandOf, type CaseEvent, type CaseState, availableActions, canApply, decide, decideLog, foldCase } from '../../../src-shared/domain';
import { DEFAULT_POLICY, autoEscalationOf, clocksOf, isManagementVisible } from '../../../src-shared/sla';

const checklist = { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true };
const ctx = (now: string) => ({ now, actor: 'ana', autoEscalation: autoEscalationOf(DEFAULT_POLICY) });

/** Logs a case and applies commands in order, failing loudly on any refusal. */
function run(plan: string, severity: 'P1' | 'P2' | 'P3' | 'P4' | undefined, commands: CaseCommand[]): { events: CaseEvent[]; state: CaseState } {
  const logged = decideLog('RD-1', { title: 'Checkout down', customer: 'ACME', plan, severity }, ctx('2026-11-23T10:00:00Z'));
  if (!logged.ok) throw new Error(logged.reason);
  const events = [...logged.events];
  commands.forEach((command, i) => {
    const result = decide(foldCase(events), command, ctx(new Date(Date.parse('2026-11-23T10:00:00Z') + (i + 1) * 60_000).toISOString()));
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    events.push(...result.events);
  });
  return { events, state: foldCase({ id: 'RD-1', events }) };
}

const ack: CaseCommand = { type: 'acknowledge', checklist, response: 'looking', nextSteps: 'collect the gateway logs', informationRequest: '' };
const resolve: CaseCommand = { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'fixed' };

describe('case fold', () => {
  it('a case logged without a severity is P3, marked as defaulted', () => {
    const { state } = run('standard', undefined, []);
    expect(state).toMatchObject({ severity: 'P3', severityDefaulted: true, status: 'new', cycle: 1 });
  });

  it('keeps every severity in the history with reason and business impact', () => {
    const { state } = run('standard', 'P3', [{ type: 'adjustSeverity', to: 'P1', reason: 'checkout is down', businessImpact: 'no sales' }]);
    expect(state.severity).toBe('P1');
    expect(state.severityHistory.map((h) => [h.severity, h.reason, h.businessImpact])).toEqual([['P3', null, null], ['P1', 'checkout is down', 'no sales']]);
  });

  it('walks new -> investigating -> waitingOnCustomer -> investigating -> resolved -> closed -> reopened', () => {
    const { state } = run('standard', 'P2', [
      ack,
      { type: 'requestInformation', text: 'logs' },
      { type: 'customerReplied', text: 'here' },
      { type: 'provideWorkaround', text: 'restart' },
      { type: 'postUpdate', channel: 'email', text: 'workaround sent' },
      resolve,
      { type: 'recordFeedback', rating: 5, comment: 'great' },
      { type: 'close', customerConfirmation: 'ok' },
      { type: 'reopen', reason: 'back again' },
    ]);
    expect(state).toMatchObject({ status: 'investigating', cycle: 2, reopenCount: 1, resolvedAt: null, closedAt: null, waitingOnCustomer: false, workaroundProvided: false });
    expect(state.cycles.map((c) => [c.cycle, c.resolvedAt !== null, c.closedAt !== null])).toEqual([[1, true, true], [2, false, false]]);
    expect(state.feedback).toHaveLength(1);
    expect(state.acknowledgedAt).not.toBeNull();
    expect(state.lastCustomerUpdateAt).not.toBeNull();
  });

  it('Premium P1 is escalated to senior engineering automatically at logging', () => {
    const { state, events } = run('premium', 'P1', []);
    expect(events.map((e) => e.type)).toEqual(['logged', 'escalated']);
    expect(state.escalationLevel).toBe('seniorEngineering');
    expect(state.escalations[0]).toMatchObject({ trigger: 'automatic', actor: 'system' });
  });

  it('a Standard P1 is not escalated automatically, and management sees every P1', () => {
    const { state } = run('standard', 'P1', []);
    expect(state.escalationLevel).toBeNull();
    expect(isManagementVisible(state, DEFAULT_POLICY)).toBe(true);
  });

  it('management sees a P3 only once it is escalated to management', () => {
    const before = run('standard', 'P3', [ack]).state;
    expect(isManagementVisible(before, DEFAULT_POLICY)).toBe(false);
    const after = run('standard', 'P3', [ack, { type: 'escalate', trigger: 'businessImpact', level: 'management', justification: '' }]).state;
    expect(isManagementVisible(after, DEFAULT_POLICY)).toBe(true);
  });

  it('rejects a timeline that does not start with logged', () => {
    const { events } = run('standard', 'P3', [ack]);
    expect(() => foldCase(events.slice(1))).toThrow(/first event must be "logged"/);
  });
});

describe('command rules', () => {
  const refusal = (state: CaseState, command: CaseCommand) => {
    const result = canApply(state, command);
    return result.ok ? null : result;
  };

  it.each<[string, CaseCommand[], CaseCommand, string, RegExp]>([
    ['no update before acknowledgement', [], { type: 'postUpdate', channel: 'portal', text: 'x' }, 'notAllowedInStatus', /acknowledge the case/],
    ['no update after closure', [ack, resolve, { type: 'close', customerConfirmation: '' }], { type: 'postUpdate', channel: 'portal', text: 'x' }, 'notAllowedInStatus', /closed/],
    ['no close before resolution', [ack], { type: 'close', customerConfirmation: '' }, 'notAllowedInStatus', /resolve the case before closing/],
    ['no second acknowledgement', [ack], ack, 'notAllowedInStatus', /already acknowledged/],
    ['a severity change must differ', [ack], { type: 'adjustSeverity', to: 'P3', reason: 'x', businessImpact: '' }, 'severityUnchanged', /already P3/],
    ['an escalation on customer request needs a justification', [ack], { type: 'escalate', trigger: 'customerRequest', level: 'management', justification: ' ' }, 'justificationRequired', /justification/],
    ['no escalation to a level already reached in this cycle', [ack, { type: 'escalate', trigger: 'businessImpact', level: 'management', justification: '' }], { type: 'escalate', trigger: 'lackOfProgress', level: 'seniorEngineering', justification: '' }, 'alreadyEscalated', /already reached management/],
    ['no reopening an open case', [ack], { type: 'reopen', reason: 'x' }, 'notAllowedInStatus', /resolved or closed/],
    ['an unrequested message needs its text', [ack], { type: 'customerReplied', text: ' ' }, 'replyTextRequired', /write what the customer said/],
    ['no reply recorded on a closed case', [ack, resolve, { type: 'close', customerConfirmation: '' }], { type: 'customerReplied', text: 'thanks' }, 'notAllowedInStatus', /reopen it/],
    ['a status in a reason reads as words', [ack, { type: 'requestInformation', text: 'logs' }], { type: 'requestInformation', text: 'more' }, 'notAllowedInStatus', /wait for the customer/],
    ['no escalation twice to the same level, named in words', [ack, { type: 'escalate', trigger: 'businessImpact', level: 'seniorEngineering', justification: '' }], { type: 'escalate', trigger: 'businessImpact', level: 'seniorEngineering', justification: '' }, 'alreadyEscalated', /already reached senior engineering$/],
    ['no resolution by workaround without a workaround', [ack], { ...resolve, criterion: 'verifiedWorkaround' } as CaseCommand, 'noWorkaround', /provide the workaround/],
  ])('%s', (_rule, history, command, code, reason) => {
    const hit = refusal(run('standard', 'P3', history).state, command);
    expect(hit?.code).toBe(code);
    expect(hit?.reason).toMatch(reason);
  });

  it('escalating again is allowed in a new cycle', () => {
    const { state } = run('standard', 'P3', [ack, { type: 'escalate', trigger: 'businessImpact', level: 'management', justification: '' }, resolve, { type: 'reopen', reason: 'again' }]);
    expect(canApply(state, { type: 'escalate', trigger: 'businessImpact', level: 'management', justification: '' })).toEqual({ ok: true });
  });

  it('decide validates the command input and says which field is wrong', () => {
    const { state } = run('standard', 'P3', [ack]);
    const result = decide(state, { type: 'adjustSeverity', to: 'P1', reason: '', businessImpact: '' }, ctx('2026-11-23T11:00:00Z'));
    expect(result).toMatchObject({ ok: false, code: 'invalidCommand' });
    expect(!result.ok && result.reason).toBe('reason is required');
    expect(!result.ok && result.issues).toEqual([{ path: 'reason', message: 'reason is required' }]);
  });

  it('decide appends events with the next seq, the actor and the time', () => {
    const { state } = run('standard', 'P3', [ack]);
    const result = decide(state, { type: 'addNote', text: 'called them' }, ctx('2026-11-23T11:00:00Z'));
    expect(result.ok && result.events).toEqual([{ id: 'RD-1#3', seq: 3, at: '2026-11-23T11:00:00Z', recordedAt: '2026-11-23T11:00:00Z', actor: 'ana', type: 'noteAdded', data: { text: 'called them' } }]);
  });

  it('raising a Premium case to P1 escalates it automatically', () => {
    const { events } = run('premium', 'P3', [ack, { type: 'adjustSeverity', to: 'P1', reason: 'outage', businessImpact: '' }]);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['severityAdjusted', 'escalated']);
  });

  it('availableActions disables with the reason', () => {
    const actions = availableActions(run('standard', 'P3', []).state);
    expect(actions.acknowledge).toEqual({ allowed: true });
    expect(actions.close).toEqual({ allowed: false, reason: 'resolve the case before closing it' });
    expect(actions.postUpdate.allowed).toBe(false);
  });
});

describe('the initial response as the framework means it', () => {
  const logged = () => run('premium', 'P2', []).state;
  const acknowledge = (overrides: Partial<Omit<CaseCommandOf<'acknowledge'>, 'checklist'>> & { checklist?: Partial<typeof checklist> } = {}): CaseCommand => ({
    type: 'acknowledge',
    response: 'We are looking into it.',
    nextSteps: 'Collect the gateway logs.',
    informationRequest: '',
    ...overrides,
    checklist: { ...checklist, ...overrides.checklist },
  });

  it.each([
    ['severityValidated', 'checklist.severityValidated', /validate severity and impact/],
    ['investigationStarted', 'checklist.investigationStarted', /begin the investigation/],
    ['nextStepsOutlined', 'checklist.nextStepsOutlined', /outline the next steps/],
  ] as const)('refuses an acknowledgement without "%s" ticked, naming the box', (box, path, reason) => {
    const result = decide(logged(), acknowledge({ checklist: { [box]: false } }), ctx('2026-11-23T10:05:00Z'));
    expect(result).toMatchObject({ ok: false, code: 'initialResponseIncomplete' });
    expect(!result.ok && result.reason).toMatch(reason);
    expect(!result.ok && result.issues?.map((issue) => issue.path)).toEqual([path]);
  });

  it('refuses an acknowledgement with no box ticked: every required one is named', () => {
    const none = { severityValidated: false, investigationStarted: false, informationRequested: false, nextStepsOutlined: false };
    const result = canApply(logged(), acknowledge({ checklist: none, nextSteps: '' }));
    expect(!result.ok && result.issues?.map((issue) => issue.path)).toEqual(['checklist.severityValidated', 'checklist.investigationStarted', 'checklist.nextStepsOutlined', 'nextSteps']);
  });

  it('needs the text of the next steps', () => {
    const result = canApply(logged(), acknowledge({ nextSteps: '  ' }));
    expect(!result.ok && result.issues).toEqual([{ path: 'nextSteps', message: 'write the next steps outlined to the customer' }]);
  });

  it('records the next steps on the acknowledgement', () => {
    const result = decide(logged(), acknowledge(), ctx('2026-11-23T10:05:00Z'));
    expect(result.ok && result.events.map((e) => [e.type, e.data])).toEqual([
      ['acknowledged', { checklist, response: 'We are looking into it.', nextSteps: 'Collect the gateway logs.' }],
    ]);
  });

  it('with "Request additional information" ticked, also requests it in the same step: the case waits and "Customer replied" is offered', () => {
    const state = logged();
    const result = decide(state, acknowledge({ checklist: { informationRequested: true }, informationRequest: 'The gateway logs of 09:00-10:00.' }), ctx('2026-11-23T10:05:00Z'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.events.map((e) => [e.seq, e.type, e.at])).toEqual([
      [state.lastSeq + 1, 'acknowledged', '2026-11-23T10:05:00Z'],
      [state.lastSeq + 2, 'informationRequested', '2026-11-23T10:05:00Z'],
    ]);
    expect(result.events[1]?.data).toEqual({ text: 'The gateway logs of 09:00-10:00.' });
    const after = foldCase([...run('premium', 'P2', []).events, ...result.events]);
    expect(after).toMatchObject({ status: 'waitingOnCustomer', waitingOnCustomer: true });
    expect(availableActions(after).customerReplied).toEqual({ allowed: true });
    const clocks = clocksOf([...run('premium', 'P2', []).events, ...result.events], DEFAULT_POLICY, '2026-11-23T12:00:00Z');
    expect(clocks.filter((clock) => clock.endedAt === null).map((clock) => [clock.kind, clock.state, clock.dueAt])).toEqual([
      ['customerUpdate', 'paused', null],
      ['lackOfProgress', 'paused', null],
    ]);
  });

  it('asks what is requested when the information box is ticked', () => {
    const result = canApply(logged(), acknowledge({ checklist: { informationRequested: true } }));
    expect(!result.ok && result.issues).toEqual([{ path: 'informationRequest', message: 'say what information is requested' }]);
  });
});

describe('what the customer says, and feedback', () => {
  it('records a message the engineer did not ask for, without changing the status or the clocks', () => {
    const { events, state } = run('premium', 'P2', [ack, { type: 'customerReplied', text: 'It also fails on the EU site.' }]);
    expect(events.at(-1)).toMatchObject({ type: 'customerReplied', data: { text: 'It also fails on the EU site.' } });
    expect(state).toMatchObject({ status: 'investigating', waitingOnCustomer: false });
    const clocks = clocksOf(events, DEFAULT_POLICY, '2026-11-23T10:30:00Z');
    expect(clocks.filter((clock) => clock.endedAt === null).map((clock) => clock.state)).toEqual(['running', 'running']);
  });

  it('records what the customer wrote before anyone acknowledged the case, and after resolution', () => {
    expect(run('standard', 'P3', [{ type: 'customerReplied', text: 'Any news?' }]).state.status).toBe('new');
    expect(run('standard', 'P3', [ack, resolve, { type: 'customerReplied', text: 'Thanks' }]).state.status).toBe('resolved');
  });

  it('a reply to requested information ends the wait', () => {
    const { state } = run('standard', 'P3', [ack, { type: 'requestInformation', text: 'logs' }, { type: 'customerReplied', text: '' }]);
    expect(state).toMatchObject({ status: 'investigating', waitingOnCustomer: false });
  });

  it.each([
    ['new', []],
    ['investigating', [ack]],
    ['waiting on the customer', [ack, { type: 'requestInformation', text: 'logs' }]],
    ['resolved', [ack, resolve]],
    ['closed', [ack, resolve, { type: 'close', customerConfirmation: '' }]],
  ] as Array<[string, CaseCommand[]]>)('takes feedback during and after resolution: %s', (_status, history) => {
    const { state } = run('standard', 'P3', [...history, { type: 'recordFeedback', rating: 4, comment: 'quick answers' }]);
    expect(state.feedback).toEqual([expect.objectContaining({ rating: 4, comment: 'quick answers' })]);
  });
});

describe('words on automatic escalations', () => {
  it('names the plan and the severity as people read them', () => {
    const logged = decideLog('RD-1', { title: 'Down', customer: 'ACME', plan: 'premium', severity: 'P1' }, { ...ctx('2026-11-23T10:00:00Z'), planName: () => 'Premium' });
    expect(logged.ok && logged.events[1]?.data).toMatchObject({ justification: 'P1 Critical under the Premium plan is escalated automatically when logged' });
  });
});
