import type { CaseEvent, CaseEventType } from '../domain/events';
import { SEVERITY_INFO } from '../domain/severity';
import type { TimelineEntry } from './model';
import { CHANNEL_LABEL, CRITERION_LABEL, EVENT_LABEL, LEVEL_LABEL, METHOD_LABEL, TRIGGER_LABEL, inSentence } from '../words/labels';

/** How each kind of case event reads in a review's timeline: the console's one event label table. */
export const TIMELINE_KIND_LABELS: Readonly<Record<CaseEventType, string>> = EVENT_LABEL;

export function timelineKindLabel(kind: string): string {
  return (TIMELINE_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind;
}


function joined(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join(' — ');
}

/** One sentence for the event, in the framework's words. */
export function describeEvent(event: CaseEvent): string {
  switch (event.type) {
    case 'logged':
      return joined(`${event.data.title} (${SEVERITY_INFO[event.data.severity].label}) for ${event.data.customer}`, event.data.description);
    case 'severityAdjusted':
      return joined(`${event.data.from} → ${event.data.to}: ${event.data.reason}`, event.data.businessImpact);
    case 'ownerAssigned':
      return event.data.owner;
    case 'acknowledged':
      return joined(event.data.response, event.data.nextSteps ? `Next steps: ${event.data.nextSteps}` : '');
    case 'customerUpdatePosted':
      return `By ${inSentence(CHANNEL_LABEL[event.data.channel])}: ${event.data.text}`;
    case 'noteAdded':
    case 'informationRequested':
    case 'customerReplied':
      return event.data.text;
    case 'workaroundProvided':
      return joined(event.data.text, event.data.message ?? '');
    case 'escalated':
      return joined(
        `to ${inSentence(LEVEL_LABEL[event.data.level])} ${event.data.trigger === 'automatic' ? 'automatically' : `for ${inSentence(TRIGGER_LABEL[event.data.trigger])}`}`,
        event.data.justification,
      );
    case 'resolved':
      return joined(`${CRITERION_LABEL[event.data.criterion]}, by ${inSentence(METHOD_LABEL[event.data.method])}`, event.data.summary, event.data.message ?? '');
    case 'closed':
      return event.data.customerConfirmation;
    case 'reopened':
      return event.data.reason;
    case 'feedbackReceived':
      return joined(`rating ${event.data.rating}/5`, event.data.comment);
  }
}

export function entryFromEvent(event: CaseEvent): TimelineEntry {
  return {
    id: `event:${event.id}`,
    eventId: event.id,
    at: event.at,
    kind: event.type,
    text: describeEvent(event),
    actor: event.actor,
    hidden: false,
    key: false,
    annotation: '',
  };
}

const byTime = (a: TimelineEntry, b: TimelineEntry) => Date.parse(a.at) - Date.parse(b.at);

/** Keeps the timeline in time order; entries at the same instant keep their order. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort(byTime);
}

/** The timeline as first built from the case: every event, in time order. */
export function reconstructTimeline(events: readonly CaseEvent[]): TimelineEntry[] {
  return sortTimeline([...events].sort((a, b) => a.seq - b.seq).map(entryFromEvent));
}

/** Case events recorded after the review last took them in, and not on its timeline yet. */
export function newCaseEvents(events: readonly CaseEvent[], knownEventSeq: number, timeline: readonly TimelineEntry[]): CaseEvent[] {
  const linked = new Set(timeline.map((entry) => entry.eventId));
  return events.filter((event) => event.seq > knownEventSeq && !linked.has(event.id)).sort((a, b) => a.seq - b.seq);
}

/** Adds the offered events to the timeline, each in its place in time. */
export function addEventsToTimeline(timeline: readonly TimelineEntry[], events: readonly CaseEvent[]): TimelineEntry[] {
  const linked = new Set(timeline.map((entry) => entry.eventId));
  return sortTimeline([...timeline, ...events.filter((event) => !linked.has(event.id)).map(entryFromEvent)]);
}

/** An entry for something outside the case (a deploy, an alert), with the next free id. */
export function addedEntry(timeline: readonly TimelineEntry[], fields: Pick<TimelineEntry, 'at' | 'kind' | 'text' | 'actor'>): TimelineEntry {
  const used = timeline.filter((entry) => entry.id.startsWith('added:')).map((entry) => Number(entry.id.slice('added:'.length)) || 0);
  const next = used.length === 0 ? 1 : Math.max(...used) + 1;
  return { id: `added:${next}`, eventId: null, hidden: false, key: false, annotation: '', ...fields };
}
