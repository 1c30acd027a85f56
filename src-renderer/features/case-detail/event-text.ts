import { SEVERITY_INFO, type CaseEvent } from '../../../src-shared/domain';
import { CHANNEL_LABEL, CRITERION_LABEL, LEVEL_LABEL, METHOD_LABEL, TRIGGER_LABEL } from '../../components/labels';

const yesNo = (done: boolean) => (done ? 'done' : 'not done');
const colon = (text: string) => (text.trim() ? `: ${text.trim()}` : '');

/** One timeline entry in words: what happened and what was said. */
export function describeEvent(event: CaseEvent): string {
  switch (event.type) {
    case 'logged': {
      const d = event.data;
      const severity = `${SEVERITY_INFO[d.severity].label}${d.severityDefaulted ? ' (default, none given)' : ''}`;
      return `Logged as ${severity} under plan ${d.plan} for ${d.customer}${d.reportedBy ? `, reported by ${d.reportedBy}` : ''}: ${d.title}${d.description ? `. ${d.description}` : ''}`;
    }
    case 'severityAdjusted':
      return `Severity adjusted from ${SEVERITY_INFO[event.data.from].label} to ${SEVERITY_INFO[event.data.to].label}: ${event.data.reason}${event.data.businessImpact ? ` (business impact: ${event.data.businessImpact})` : ''}`;
    case 'ownerAssigned':
      return `Owner set to ${event.data.owner}`;
    case 'acknowledged': {
      const c = event.data.checklist;
      return `Acknowledged (severity and impact validated: ${yesNo(c.severityValidated)}; investigation begun: ${yesNo(c.investigationStarted)}; information requested: ${yesNo(c.informationRequested)}; next steps outlined: ${yesNo(c.nextStepsOutlined)})${colon(event.data.response)}`;
    }
    case 'customerUpdatePosted':
      return `Customer update by ${CHANNEL_LABEL[event.data.channel]}${colon(event.data.text)}`;
    case 'noteAdded':
      return `Internal note${colon(event.data.text)}`;
    case 'informationRequested':
      return `Information requested from the customer${colon(event.data.text)}`;
    case 'customerReplied':
      return `Customer replied${colon(event.data.text)}`;
    case 'escalated':
      return `Escalated to ${LEVEL_LABEL[event.data.level].toLowerCase()} (${TRIGGER_LABEL[event.data.trigger].toLowerCase()})${colon(event.data.justification)}`;
    case 'workaroundProvided':
      return `Workaround provided${colon(event.data.text)}`;
    case 'resolved':
      return `Resolved: ${CRITERION_LABEL[event.data.criterion].toLowerCase()}, by ${METHOD_LABEL[event.data.method].toLowerCase()}${colon(event.data.summary)}`;
    case 'closed':
      return `Closed${event.data.customerConfirmation ? ` with the customer's confirmation: ${event.data.customerConfirmation}` : ''}`;
    case 'reopened':
      return `Reopened${colon(event.data.reason)}`;
    case 'feedbackReceived':
      return `Feedback: ${event.data.rating} of 5${colon(event.data.comment)}`;
  }
}
