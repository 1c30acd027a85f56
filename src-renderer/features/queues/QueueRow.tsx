import { memo, type CSSProperties } from 'react';
import type { Clock } from '../../../src-shared/sla';
import { ClockStateBadge } from '../../components/ClockStateBadge';
import { EscalationMarker } from '../../components/EscalationMarker';
import { CLOCK_LABEL, STATUS_LABEL } from '../../components/labels';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDue } from '../../components/time-format';
import { useDeskStores, type CaseView } from '../../state';
import { CustomerLink } from '../all-cases';
import { ReviewRequiredBadge } from '../case-review';
import { Countdown, useClockDisplay } from '../clocks';

interface Props {
  readonly view: CaseView;
  /** Position in the queue, from 0. */
  readonly index: number;
  readonly cursor: boolean;
  /** The row that takes the list's one tab stop (roving tabindex). */
  readonly tabStop: boolean;
  readonly planName: string;
  readonly style: CSSProperties;
}

/**
 * One case of a queue. Memoized: a pushed change or a tick of the clock renders only the rows
 * whose case, place or cursor changed; a row that only moved (a case above it left the view)
 * renders just its own element, not its cells (the countdowns re-render on their own).
 */
export const QueueRow = memo(function QueueRow({ view, index, cursor, tabStop, planName, style }: Props) {
  const { ui } = useDeskStores();
  const id = view.state.id;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={cursor}
      tabIndex={tabStop ? 0 : -1}
      className={cursor ? 'queue-row cursor' : 'queue-row'}
      style={style}
      onClick={() => ui.getState().openCase(id)}
    >
      <QueueCells view={view} planName={planName} />
    </div>
  );
});

/** The cells of a row: rendered again only when the case itself (or its plan's name) changes. */
const QueueCells = memo(function QueueCells({ view, planName }: { view: CaseView; planName: string }) {
  const s = view.state;
  const next = view.next;
  return (
    <>
      <span role="cell" className="col-id">{s.id}</span>
      <span role="cell" className="col-severity"><SeverityBadge severity={s.severity} /></span>
      <span role="cell" className="col-title" title={s.title}>
        <EscalationMarker level={s.cycleEscalationLevel} />
        {s.title}
      </span>
      <span role="cell" className="col-customer"><CustomerLink customer={s.customer} inRow /></span>
      <span role="cell" className="col-plan">{planName}</span>
      <span role="cell" className="col-status">
        {STATUS_LABEL[s.status]}
        <ReviewRequiredBadge caseId={s.id} />
      </span>
      <span role="cell" className="col-owner">{s.owner ?? '—'}</span>
      <NextDueCell view={view} />
      {next ? (
        <LiveClockCells clock={next} />
      ) : (
        <>
          <span role="cell" className="col-clock" />
          <span role="cell" className="col-countdown" />
        </>
      )}
    </>
  );
});

/**
 * When the next clock is due, then which: "Mon 30 Nov, 10:00 · Initial response". The time comes
 * first, so a narrow column cuts the clock's name, never the time; on a narrow table the style
 * sheet draws the time alone (the name stays in the tooltip and is read out).
 */
function NextDueCell({ view }: { view: CaseView }) {
  const next = view.next;
  if (!next) return <span role="cell" className="col-due">{view.problem ?? 'Nothing due'}</span>;
  const kind = CLOCK_LABEL[next.kind];
  if (!next.dueAt) return <span role="cell" className="col-due">{kind}</span>;
  const due = formatDue(next.dueAt);
  return (
    <span role="cell" className="col-due" title={`${due} · ${kind}`}>
      <span className="due-at">{due}</span>
      <span className="due-sep"> · </span>
      <span className="due-kind">{kind}</span>
    </span>
  );
}

/** The clock's state and its countdown: two cells from one reading of the shared clock. */
function LiveClockCells({ clock }: { clock: Clock }) {
  const { state, countdown } = useClockDisplay(clock);
  return (
    <>
      <span role="cell" className="col-clock">
        <ClockStateBadge state={state} />
      </span>
      <span role="cell" className="col-countdown">
        <Countdown state={state} countdown={countdown} />
      </span>
    </>
  );
}
