import { memo, type CSSProperties } from 'react';
import { CLOCK_LABEL, STATUS_LABEL } from '../../components/labels';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDue } from '../../components/time-format';
import { useDeskStores, type CaseView } from '../../state';
import { ReviewRequiredBadge } from '../case-review';
import { LiveClockState, LiveCountdown } from '../clocks';

interface Props {
  readonly view: CaseView;
  /** Position in the queue, from 0. */
  readonly index: number;
  readonly cursor: boolean;
  readonly planName: string;
  readonly style: CSSProperties;
}

/**
 * One case of a queue. Memoized: a pushed change or a tick of the clock renders only the rows
 * whose case, place or cursor changed (the countdowns re-render on their own).
 */
export const QueueRow = memo(function QueueRow({ view, index, cursor, planName, style }: Props) {
  const { ui } = useDeskStores();
  const s = view.state;
  const next = view.next;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={cursor}
      className={`queue-row${cursor ? ' cursor' : ''}`}
      style={style}
      onClick={() => ui.getState().openCase(s.id)}
    >
      <span role="cell" className="col-id">{s.id}</span>
      <span role="cell" className="col-severity"><SeverityBadge severity={s.severity} /></span>
      <span role="cell" className="col-title">{s.title}</span>
      <span role="cell" className="col-customer">{s.customer}</span>
      <span role="cell" className="col-plan">{planName}</span>
      <span role="cell" className="col-status">
        {STATUS_LABEL[s.status]}
        <ReviewRequiredBadge caseId={s.id} />
      </span>
      <span role="cell" className="col-owner">{s.owner ?? '—'}</span>
      <span role="cell" className="col-due">
        {next ? `${CLOCK_LABEL[next.kind]}${next.dueAt ? ` · ${formatDue(next.dueAt)}` : ''}` : view.problem ?? 'Nothing due'}
      </span>
      <span role="cell" className="col-clock">{next ? <LiveClockState clock={next} /> : null}</span>
      <span role="cell" className="col-countdown">{next ? <LiveCountdown clock={next} /> : null}</span>
    </div>
  );
});
