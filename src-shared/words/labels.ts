import type { CaseEventType, CaseStatus, EscalationLevel, EscalationTrigger, ResolutionCriterion, ResolutionMethod, UpdateChannel } from '../domain';
import type { ClockKind } from '../sla';

/** The framework's words for the model's values, as people read them. Codes never reach a screen or a file. */

export const STATUS_LABEL: Readonly<Record<CaseStatus, string>> = {
  new: 'New',
  investigating: 'Investigating',
  waitingOnCustomer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const CLOCK_LABEL: Readonly<Record<ClockKind, string>> = {
  initialResponse: 'Initial response',
  customerUpdate: 'Customer update',
  lackOfProgress: 'Escalation for lack of progress',
  reviewDue: 'Post-incident review',
};

export const CHANNEL_LABEL: Readonly<Record<UpdateChannel, string>> = { portal: 'Portal', email: 'Email', phone: 'Phone', chat: 'Chat' };

export const TRIGGER_LABEL: Readonly<Record<EscalationTrigger, string>> = {
  businessImpact: 'Business impact',
  lackOfProgress: 'Lack of progress',
  customerRequest: 'Customer request',
  automatic: 'Automatic',
};

export const LEVEL_LABEL: Readonly<Record<EscalationLevel, string>> = { seniorEngineering: 'Senior engineering', management: 'Management' };

export const CRITERION_LABEL: Readonly<Record<ResolutionCriterion, string>> = {
  serviceRestored: 'Service restored',
  verifiedWorkaround: 'Verified workaround',
  customerConfirmed: 'Customer confirmed',
};

export const METHOD_LABEL: Readonly<Record<ResolutionMethod, string>> = {
  configurationChange: 'Configuration change',
  bugFix: 'Bug fix',
  vendorCoordination: 'Vendor coordination',
  upgradeRecommendation: 'Upgrade recommendation',
};

export const EVENT_LABEL: Readonly<Record<CaseEventType, string>> = {
  logged: 'Case logged',
  severityAdjusted: 'Severity adjusted',
  ownerAssigned: 'Owner assigned',
  acknowledged: 'Acknowledgement',
  customerUpdatePosted: 'Customer update',
  noteAdded: 'Note',
  informationRequested: 'Information requested',
  customerReplied: 'Customer replied',
  escalated: 'Escalation',
  workaroundProvided: 'Workaround provided',
  resolved: 'Resolution',
  closed: 'Case closed',
  reopened: 'Case reopened',
  feedbackReceived: 'Feedback received',
};

/** "the plan's name" for a plan id, or the id itself when the policy no longer has it. */
export type PlanNames = (planId: string) => string;
export const planIdAsName: PlanNames = (planId) => planId;
/** Plan ids to the names people know them by, from the policy's plans; an unknown id stays as it is. */
export function planNamesOf(plans: ReadonlyArray<{ readonly id: string; readonly name: string }>): PlanNames {
  return (planId) => plans.find((plan) => plan.id === planId)?.name ?? planId;
}

/** Lower case inside a sentence: "escalated to senior engineering". */
export const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
