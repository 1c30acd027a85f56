import { caseEventSchema, caseRecordSchema, type CaseEvent, type CaseRecord } from '../../../src-shared/domain';
import { StoreError } from './errors';
import { formatIssues } from './issues';

/**
 * A case is closed while its latest lifecycle event is `closed`: feedback received after
 * closing keeps it in history, a `reopened` brings it back to the open cases.
 */
export function closedAt(record: CaseRecord): string | undefined {
  for (let i = record.events.length - 1; i >= 0; i--) {
    const event = record.events[i];
    if (event.type === 'reopened') return undefined;
    if (event.type === 'closed') return event.at;
  }
  return undefined;
}

export function wasEverClosed(record: CaseRecord): boolean {
  return record.events.some((event) => event.type === 'closed');
}

/** Events parsed and numbered after `from`; nothing is stored unless all of them pass. */
export function checkAppend(caseId: string, lastSeq: number, events: readonly unknown[]): CaseEvent[] {
  if (events.length === 0) throw new StoreError('EVENT_INVALID', `Nothing to append to case ${caseId}: no events were given.`);
  return events.map((candidate, i) => {
    const parsed = caseEventSchema.safeParse(candidate);
    if (!parsed.success) {
      throw new StoreError('EVENT_INVALID', `Event ${i + 1} for case ${caseId} is invalid: ${formatIssues(parsed.error)}.`);
    }
    const expected = lastSeq + i + 1;
    if (parsed.data.seq !== expected) {
      throw new StoreError(
        'EVENT_OUT_OF_SEQUENCE',
        `Event ${i + 1} for case ${caseId} has seq ${parsed.data.seq}, but the timeline expects ${expected}; reload the case and retry.`,
      );
    }
    if (parsed.data.type === 'logged') {
      throw new StoreError('EVENT_INVALID', `Case ${caseId} is already logged; a 'logged' event can only start a timeline.`);
    }
    return parsed.data;
  });
}

/** A whole record: schema, a timeline starting with `logged`, seq 1..n, unique event ids. */
export function checkRecord(candidate: unknown): CaseRecord {
  const parsed = caseRecordSchema.safeParse(candidate);
  if (!parsed.success) throw new StoreError('EVENT_INVALID', `The case is invalid: ${formatIssues(parsed.error)}.`);
  const problem = timelineProblem(parsed.data);
  if (problem) throw new StoreError('EVENT_INVALID', `Case ${parsed.data.id} ${problem}.`);
  return parsed.data;
}

/** What is wrong with a schema-valid record's timeline, or undefined. */
export function timelineProblem(record: CaseRecord): string | undefined {
  if (record.events[0].type !== 'logged') return `must start with a 'logged' event, not '${record.events[0].type}'`;
  const ids = new Set<string>();
  for (let i = 0; i < record.events.length; i++) {
    const event = record.events[i];
    if (event.seq !== i + 1) return `has event seq ${event.seq} at position ${i + 1}; seq must run 1, 2, 3 without gaps`;
    if (i > 0 && event.type === 'logged') return `has a second 'logged' event at seq ${event.seq}`;
    if (ids.has(event.id)) return `has two events with id ${event.id}`;
    ids.add(event.id);
  }
  return undefined;
}
