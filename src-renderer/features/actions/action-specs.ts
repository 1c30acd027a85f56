import {
  ESCALATION_LEVELS,
  RESOLUTION_CRITERIA,
  RESOLUTION_METHODS,
  SEVERITIES,
  SEVERITY_INFO,
  UPDATE_CHANNELS,
  type CaseAction,
  type CaseState,
} from '../../../src-shared/domain';
import type { TemplateKind } from '../../../src-shared/templates';
import { CHANNEL_LABEL, CRITERION_LABEL, LEVEL_LABEL, METHOD_LABEL, TRIGGER_LABEL } from '../../components/labels';

export type FieldValues = Record<string, string | boolean>;

/** A form field; `name` is the command's own field path, so the core's issues land on it. */
export type Field = (
  | { readonly kind: 'text' | 'textarea'; readonly name: string; readonly label: string; readonly optional?: boolean }
  /** A person who owns the case: a team member in a team, free text alone. */
  | { readonly kind: 'owner'; readonly name: string; readonly label: string }
  | { readonly kind: 'checkbox'; readonly name: string; readonly label: string }
  | {
      /** A message to the customer: starts from its template, filled from the case, with Copy. */
      readonly kind: 'message';
      readonly name: string;
      readonly label: string;
      readonly template: TemplateKind;
      /** Fields typed in the same dialog that the message follows until it is edited by hand. */
      readonly follows?: { readonly nextSteps?: string; readonly workaround?: string };
      readonly optional?: boolean;
    }
  | {
      readonly kind: 'select';
      readonly name: string;
      readonly label: string;
      readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
      readonly initial: (state: CaseState) => string;
    }
) & {
  /** Shown only when the other values call for it ("What is requested" once its box is ticked). */
  readonly shownWhen?: (values: FieldValues) => boolean;
};

export interface ActionSpec {
  readonly action: CaseAction;
  /** The button's and the dialog's accessible name. */
  readonly label: string;
  /** The single-key shortcut while a case is open. */
  readonly key: string;
  readonly submit: string;
  readonly fields: readonly Field[];
  /** A second way to submit, with the engineer's own name (settings) in `field`: "Take". */
  readonly self?: { readonly label: string; readonly field: string; readonly describe: (name: string) => string };
  /** The command's fields from the form's values; the shared schema checks them. */
  readonly toCommand: (values: FieldValues) => Record<string, unknown>;
}

const text = (values: FieldValues, name: string) => String(values[name] ?? '');
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
const choose = (what: string) => [{ value: '', label: `Choose ${what}` }];

const ESCALATION_TRIGGERS_OFFERED = ['businessImpact', 'lackOfProgress', 'customerRequest'] as const;

export const ACTION_SPECS: readonly ActionSpec[] = [
  {
    action: 'acknowledge',
    label: 'Acknowledge',
    key: 'a',
    submit: 'Send acknowledgement',
    fields: [
      { kind: 'checkbox', name: 'checklist.severityValidated', label: 'Validate severity and impact' },
      { kind: 'checkbox', name: 'checklist.investigationStarted', label: 'Begin investigation' },
      { kind: 'checkbox', name: 'checklist.nextStepsOutlined', label: 'Outline next steps' },
      { kind: 'textarea', name: 'nextSteps', label: 'Next steps' },
      { kind: 'checkbox', name: 'checklist.informationRequested', label: 'Request additional information if required' },
      { kind: 'textarea', name: 'informationRequest', label: 'What is requested', shownWhen: (v) => v['checklist.informationRequested'] === true },
      { kind: 'message', name: 'response', label: 'Initial response to the customer', template: 'initialResponse', follows: { nextSteps: 'nextSteps' } },
    ],
    toCommand: (v) => ({
      checklist: {
        severityValidated: v['checklist.severityValidated'] === true,
        investigationStarted: v['checklist.investigationStarted'] === true,
        informationRequested: v['checklist.informationRequested'] === true,
        nextStepsOutlined: v['checklist.nextStepsOutlined'] === true,
      },
      response: text(v, 'response'),
      nextSteps: text(v, 'nextSteps'),
      ...(v['checklist.informationRequested'] === true ? { informationRequest: text(v, 'informationRequest') } : {}),
    }),
  },
  {
    action: 'postUpdate',
    label: 'Post update',
    key: 'u',
    submit: 'Post',
    fields: [
      { kind: 'select', name: 'channel', label: 'Channel', options: options(UPDATE_CHANNELS, CHANNEL_LABEL), initial: () => 'portal' },
      { kind: 'message', name: 'text', label: 'Update', template: 'progressUpdate' },
    ],
    toCommand: (v) => ({ channel: text(v, 'channel'), text: text(v, 'text') }),
  },
  {
    action: 'addNote',
    label: 'Add note',
    key: 'm',
    submit: 'Save note',
    fields: [{ kind: 'textarea', name: 'text', label: 'Internal note' }],
    toCommand: (v) => ({ text: text(v, 'text') }),
  },
  {
    action: 'requestInformation',
    label: 'Request information',
    key: 'i',
    submit: 'Send request',
    fields: [{ kind: 'message', name: 'text', label: 'What is requested', template: 'informationRequest' }],
    toCommand: (v) => ({ text: text(v, 'text') }),
  },
  {
    action: 'customerReplied',
    label: 'Customer replied',
    key: 'y',
    submit: 'Record reply',
    fields: [{ kind: 'textarea', name: 'text', label: 'What the customer said' }],
    toCommand: (v) => ({ text: text(v, 'text') }),
  },
  {
    action: 'adjustSeverity',
    label: 'Adjust severity',
    key: 's',
    submit: 'Change severity',
    fields: [
      {
        kind: 'select',
        name: 'to',
        label: 'New severity',
        options: [...choose('a severity'), ...SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_INFO[severity].label }))],
        initial: () => '',
      },
      { kind: 'textarea', name: 'reason', label: 'Reason' },
      { kind: 'textarea', name: 'businessImpact', label: 'Business impact', optional: true },
    ],
    toCommand: (v) => ({ to: text(v, 'to'), reason: text(v, 'reason'), businessImpact: text(v, 'businessImpact') }),
  },
  {
    action: 'escalate',
    label: 'Escalate',
    key: 'e',
    submit: 'Escalate case',
    fields: [
      { kind: 'select', name: 'trigger', label: 'Trigger', options: options(ESCALATION_TRIGGERS_OFFERED, TRIGGER_LABEL), initial: () => 'businessImpact' },
      {
        kind: 'select',
        name: 'level',
        label: 'Level',
        options: options(ESCALATION_LEVELS, LEVEL_LABEL),
        initial: (state) => (state.cycleEscalationLevel === null ? 'seniorEngineering' : 'management'),
      },
      { kind: 'textarea', name: 'justification', label: 'Justification' },
    ],
    toCommand: (v) => ({ trigger: text(v, 'trigger'), level: text(v, 'level'), justification: text(v, 'justification') }),
  },
  {
    action: 'provideWorkaround',
    label: 'Provide workaround',
    key: 'w',
    submit: 'Record workaround',
    fields: [
      { kind: 'textarea', name: 'text', label: 'Workaround' },
      { kind: 'message', name: 'message', label: 'Message to the customer', template: 'workaround', follows: { workaround: 'text' }, optional: true },
    ],
    toCommand: (v) => ({ text: text(v, 'text'), message: text(v, 'message') }),
  },
  {
    action: 'resolve',
    label: 'Resolve',
    key: 'r',
    submit: 'Mark resolved',
    fields: [
      { kind: 'select', name: 'criterion', label: 'Criterion', options: options(RESOLUTION_CRITERIA, CRITERION_LABEL), initial: () => 'serviceRestored' },
      { kind: 'select', name: 'method', label: 'Method', options: options(RESOLUTION_METHODS, METHOD_LABEL), initial: () => 'configurationChange' },
      { kind: 'textarea', name: 'summary', label: 'Summary' },
      { kind: 'message', name: 'message', label: 'Message to the customer', template: 'resolution', optional: true },
    ],
    toCommand: (v) => ({ criterion: text(v, 'criterion'), method: text(v, 'method'), summary: text(v, 'summary'), message: text(v, 'message') }),
  },
  {
    action: 'close',
    label: 'Close',
    key: 'c',
    submit: 'Close case',
    fields: [{ kind: 'textarea', name: 'customerConfirmation', label: 'Customer confirmation', optional: true }],
    toCommand: (v) => ({ customerConfirmation: text(v, 'customerConfirmation') }),
  },
  {
    action: 'reopen',
    label: 'Reopen',
    key: 'o',
    submit: 'Reopen case',
    fields: [{ kind: 'textarea', name: 'reason', label: 'Reason' }],
    toCommand: (v) => ({ reason: text(v, 'reason') }),
  },
  {
    action: 'recordFeedback',
    label: 'Record feedback',
    key: 'f',
    submit: 'Save feedback',
    fields: [
      {
        kind: 'select',
        name: 'rating',
        label: 'Rating',
        options: [...choose('a rating'), ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} of 5` }))],
        initial: () => '',
      },
      { kind: 'textarea', name: 'comment', label: 'Comment', optional: true },
    ],
    toCommand: (v) => ({ rating: Number(text(v, 'rating')), comment: text(v, 'comment') }),
  },
  {
    action: 'assignOwner',
    label: 'Assign owner',
    key: 'g',
    submit: 'Assign',
    fields: [{ kind: 'owner', name: 'owner', label: 'New owner' }],
    self: { label: 'Take', field: 'owner', describe: (name) => `Assign the case to yourself (${name})` },
    toCommand: (v) => ({ owner: text(v, 'owner') }),
  },
];

export function specOf(action: CaseAction): ActionSpec {
  const spec = ACTION_SPECS.find((candidate) => candidate.action === action);
  if (!spec) throw new Error(`no form for the action "${action}"`);
  return spec;
}

/** "A" for aria-keyshortcuts and tooltips. */
export const shortcutLabel = (key: string) => key.toUpperCase();
