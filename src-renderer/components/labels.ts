import type { CaseStatus, EscalationLevel, EscalationTrigger, ResolutionCriterion, ResolutionMethod, UpdateChannel } from '../../src-shared/domain';
import type { ClockKind } from '../../src-shared/sla';

/** The framework's words for the model's values, as the screens show them. */

export const STATUS_LABEL: Record<CaseStatus, string> = {
  new: 'New',
  investigating: 'Investigating',
  waitingOnCustomer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const CLOCK_LABEL: Record<ClockKind, string> = {
  initialResponse: 'Initial response',
  customerUpdate: 'Customer update',
  lackOfProgress: 'Escalation for lack of progress',
  reviewDue: 'Post-incident review',
};

export const CHANNEL_LABEL: Record<UpdateChannel, string> = { portal: 'Portal', email: 'Email', phone: 'Phone', chat: 'Chat' };

export const TRIGGER_LABEL: Record<EscalationTrigger, string> = {
  businessImpact: 'Business impact',
  lackOfProgress: 'Lack of progress',
  customerRequest: 'Customer request',
  automatic: 'Automatic',
};

export const LEVEL_LABEL: Record<EscalationLevel, string> = { seniorEngineering: 'Senior engineering', management: 'Management' };

export const CRITERION_LABEL: Record<ResolutionCriterion, string> = {
  serviceRestored: 'Service restored',
  verifiedWorkaround: 'Verified workaround',
  customerConfirmed: 'Customer confirmed',
};

export const METHOD_LABEL: Record<ResolutionMethod, string> = {
  configurationChange: 'Configuration change',
  bugFix: 'Bug fix',
  vendorCoordination: 'Vendor coordination',
  upgradeRecommendation: 'Upgrade recommendation',
};
