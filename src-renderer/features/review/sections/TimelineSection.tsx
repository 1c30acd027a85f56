import { useVirtualizer } from '@tanstack/react-virtual';
import { DateField } from '../../../components/DateField';
import { memo, useCallback, useRef, useState, type FormEvent } from 'react';
import { addedEntry, formatInZone, fromZoneInputValue, timelineKindLabel, type TimelineEntry } from '../../../../src-shared/review';
import { FieldProblem, problemProps } from '../FieldProblem';
import { useFieldProblem, useReview, useReviewStore, useSection, useTimeZone } from '../review-context';
import { Section } from './Section';

const ROW_HEIGHT = 72;

type EntryChange = Partial<Pick<TimelineEntry, 'hidden' | 'key' | 'annotation'>>;

interface RowProps {
  readonly entry: TimelineEntry;
  readonly timeZone: string;
  readonly readOnly: boolean;
  readonly onChange: (id: string, change: EntryChange) => void;
  readonly top: number;
}

const TimelineRow = memo(function TimelineRow({ entry, timeZone, readOnly, onChange, top }: RowProps) {
  const time = formatInZone(entry.at, timeZone);
  const kind = timelineKindLabel(entry.kind);
  const problem = useFieldProblem(`timeline.${entry.id}.annotation`);
  const problemId = `annotation-problem-${entry.id}`;
  return (
    <div
      role="row"
      aria-label={`${time} ${kind}`}
      className={`timeline-row${entry.hidden ? ' hidden-entry' : ''}${entry.key ? ' key-entry' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <span role="cell" className="timeline-time">{time}</span>
      <span role="cell" className="timeline-kind">{kind}{entry.eventId ? '' : ' (added)'}</span>
      <span role="cell" className="timeline-text" title={entry.text}>{entry.text}</span>
      <span role="cell" className="timeline-actor">{entry.actor}</span>
      <span role="cell" className="timeline-controls">
        <label className="inline">
          <input type="checkbox" checked={entry.key} disabled={readOnly} onChange={(event) => onChange(entry.id, { key: event.target.checked })} />
          Key moment
        </label>
        <label className="inline">
          <input type="checkbox" checked={entry.hidden} disabled={readOnly} onChange={(event) => onChange(entry.id, { hidden: event.target.checked })} />
          Hidden
        </label>
        <input
          aria-label="Annotation"
          placeholder="Annotation"
          value={entry.annotation}
          readOnly={readOnly}
          onChange={(event) => onChange(entry.id, { annotation: event.target.value })}
          {...problemProps(problemId, problem)}
        />
        <FieldProblem id={problemId} message={problem} />
      </span>
    </div>
  );
});

function AddEntryForm({ timeZone, onAdd }: { timeZone: string; onAdd: (fields: Pick<TimelineEntry, 'at' | 'kind' | 'text' | 'actor'>) => void }) {
  const [problem, setProblem] = useState<string>();
  // The time as typed or picked ("2026-11-26T09:45" in the review's zone); null while the text is not one.
  const [time, setTime] = useState<string | null>('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (time === null) return setProblem('Write the time like Mon 30 Nov 2026, 10:00.');
    const at = fromZoneInputValue(time, timeZone);
    const text = String(form.get('text') ?? '').trim();
    if (!at) return setProblem('Give the time it happened.');
    if (!text) return setProblem('Say what happened.');
    onAdd({ at, kind: String(form.get('kind') ?? 'other'), text, actor: String(form.get('actor') ?? '').trim() });
    setProblem(undefined);
    setTime('');
    event.currentTarget.reset();
  };
  return (
    <form className="add-entry" aria-label="Add a timeline entry" onSubmit={submit} noValidate>
      <label>
        Time ({timeZone})
        <DateField withTime value={time ?? ''} onValueChange={setTime} />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue="deploy">
          <option value="deploy">Deploy</option>
          <option value="alert">Alert</option>
          <option value="change">Change</option>
          <option value="other">Other</option>
        </select>
      </label>
      <label>
        What happened
        <input name="text" />
      </label>
      <label>
        Who
        <input name="actor" />
      </label>
      <button type="submit">Add entry</button>
      {problem ? <p role="alert">{problem}</p> : null}
    </form>
  );
}

/**
 * The timeline, virtualized: only the rows in view are in the page, so a review of a long
 * incident stays quick. It re-renders only when the timeline itself changes.
 */
export function TimelineSection() {
  const [timeline, readOnly] = useSection('timeline');
  const store = useReviewStore();
  const timeZone = useTimeZone();
  const offered = useReview((state) => (state.review?.status === 'published' ? 0 : (state.view?.newCaseEvents ?? 0)));
  const addCaseEvents = useReview((state) => state.addCaseEvents);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: timeline.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });

  // one change per entry and field: hiding an entry sends that entry's id, not the timeline
  const onChange = useCallback((id: string, change: EntryChange) => store.getState().change({ op: 'setTimelineEntry', id, ...change }), [store]);
  const onAdd = useCallback(
    (fields: Pick<TimelineEntry, 'at' | 'kind' | 'text' | 'actor'>) => {
      const state = store.getState();
      const { id } = addedEntry(state.content?.timeline ?? [], fields);
      state.change({ op: 'addTimelineEntry', entry: { id, ...fields } });
    },
    [store],
  );

  return (
    <Section title="Timeline">
      {offered > 0 ? (
        <p className="offer" role="status">
          {offered} new case {offered === 1 ? 'event' : 'events'} —{' '}
          <button type="button" onClick={() => void addCaseEvents()}>
            Add to timeline
          </button>
        </p>
      ) : null}
      <p className="muted">
        {timeline.length} entries, times in {timeZone}
      </p>
      <div ref={scroller} className="timeline-scroller" role="table" aria-label="Timeline" aria-rowcount={timeline.length}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const entry = timeline[item.index]!;
            return <TimelineRow key={entry.id} entry={entry} timeZone={timeZone} readOnly={readOnly} onChange={onChange} top={item.start} />;
          })}
        </div>
      </div>
      {readOnly ? null : <AddEntryForm timeZone={timeZone} onAdd={onAdd} />}
    </Section>
  );
}
