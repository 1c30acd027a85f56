import type { CaseEvent } from '../domain/events';
import { SEVERITY_INFO } from '../domain/severity';
import { CHANNEL_LABEL, CRITERION_LABEL, LEVEL_LABEL, METHOD_LABEL, TRIGGER_LABEL, inSentence, planIdAsName, type PlanNames } from './labels';
import { formatDateTime } from './time';

const yesNo = (done: boolean) => (done ? 'done' : 'not done');
const colon = (text: string | undefined) => (text?.trim() ? `: ${text.trim()}` : '');
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/**
 * Text the console itself wrote on an event (an automatic escalation's justification) in the
 * console's words: earlier versions wrote an ISO instant and a plan id there.
 */
function systemText(text: string, planName: PlanNames): string {
  return text
    .replace(ISO_INSTANT, (iso) => formatDateTime(iso))
    .replace(/\b(P[1-4]) under plan (\S+?)( is escalated)/, (_whole, severity: 'P1' | 'P2' | 'P3' | 'P4', plan: string, rest: string) => `${SEVERITY_INFO[severity].label} under the ${planName(plan)} plan${rest}`);
}

/** One timeline entry in words: what happened and what was said. Plan ids become the plans' names. */
export function describeEvent(event: CaseEvent, planName: PlanNames = planIdAsName): string {
  switch (event.type) {
    case 'logged': {
      const d = event.data;
      const severity = `${SEVERITY_INFO[d.severity].label}${d.severityDefaulted ? ' (default, none given)' : ''}`;
      return `Logged as ${severity} under the ${planName(d.plan)} plan for ${d.customer}${d.reportedBy ? `, reported by ${d.reportedBy}` : ''}: ${d.title}${d.description ? `. ${d.description}` : ''}`;
    }
    case 'severityAdjusted':
      return `Severity adjusted from ${SEVERITY_INFO[event.data.from].label} to ${SEVERITY_INFO[event.data.to].label}: ${event.data.reason}${event.data.businessImpact ? ` (business impact: ${event.data.businessImpact})` : ''}`;
    case 'ownerAssigned':
      return `Owner set to ${event.data.owner}`;
    case 'acknowledged': {
      const c = event.data.checklist;
      const steps = event.data.nextSteps ? ` Next steps: ${event.data.nextSteps}.` : '';
      return `Acknowledged (severity and impact validated: ${yesNo(c.severityValidated)}; investigation begun: ${yesNo(c.investigationStarted)}; information requested: ${yesNo(c.informationRequested)}; next steps outlined: ${yesNo(c.nextStepsOutlined)}).${steps} Response sent${colon(event.data.response)}`;
    }
    case 'customerUpdatePosted':
      return `Customer update by ${inSentence(CHANNEL_LABEL[event.data.channel])}${colon(event.data.text)}`;
    case 'noteAdded':
      return `Internal note${colon(event.data.text)}`;
    case 'informationRequested':
      return `Information requested from the customer${colon(event.data.text)}`;
    case 'customerReplied':
      return `Customer replied${colon(event.data.text)}`;
    case 'escalated': {
      const how = event.data.trigger === 'automatic' ? 'automatically' : `for ${inSentence(TRIGGER_LABEL[event.data.trigger])}`;
      const why = event.actor === 'system' ? systemText(event.data.justification, planName) : event.data.justification;
      return `Escalated to ${inSentence(LEVEL_LABEL[event.data.level])} ${how}${colon(why)}`;
    }
    case 'workaroundProvided':
      return `Workaround provided${colon(event.data.text)}${event.data.message ? `. Message to the customer: ${event.data.message}` : ''}`;
    case 'resolved':
      return `Resolved: ${inSentence(CRITERION_LABEL[event.data.criterion])}, by ${inSentence(METHOD_LABEL[event.data.method])}${colon(event.data.summary)}${event.data.message ? `. Message to the customer: ${event.data.message}` : ''}`;
    case 'closed':
      return `Closed${event.data.customerConfirmation ? ` with the customer's confirmation: ${event.data.customerConfirmation}` : ''}`;
    case 'reopened':
      return `Reopened${colon(event.data.reason)}`;
    case 'feedbackReceived':
      return `Feedback: ${event.data.rating} of 5${colon(event.data.comment)}`;
  }
}
