import { useState } from 'react';
import type { CaseState } from '../../../src-shared/domain';
import { lackOfProgressEscalation, type Clock } from '../../../src-shared/sla';
import { LEVEL_LABEL, count, inSentence } from '../../../src-shared/words';
import { CLOCK_LABEL } from '../../components/labels';
import { formatDue } from '../../components/time-format';
import { useNow } from '../../state';
import { LiveClockState, LiveCountdown } from '../clocks';

/** An open clock's breach is read against the shared clock; an ended one's is settled. */
function Breach({ clock }: { clock: Clock }) {
  const nowMs = useNow();
  // a breach before a severity change stays one, named with the severity it happened under
  if (clock.breachedAt && clock.breachedAs && clock.breachedAs !== clock.severity) return <>{`Breached at ${formatDue(clock.breachedAt)} (as ${clock.breachedAs})`}</>;
  if (clock.endedAt === null) return <>{clock.dueAt && Date.parse(clock.dueAt) < nowMs ? `Breached ${formatDue(clock.dueAt)}` : 'None'}</>;
  if (clock.breachedAt) return <>{`Breached ${formatDue(clock.breachedAt)}`}</>;
  return <>{clock.metAt ? `Met ${formatDue(clock.metAt)}` : 'None'}</>;
}

/**
 * "#2" for the second customer-update clock of a cycle, and so on: a kind that restarts (each
 * update starts the next) is numbered, so its met clocks do not read as repeats of the open one.
 */
function ordinals(clocks: readonly Clock[]): Map<string, string> {
  const byKind = new Map<string, Clock[]>();
  for (const clock of clocks) {
    const key = `${clock.kind}:${clock.cycle}`;
    byKind.set(key, [...(byKind.get(key) ?? []), clock]);
  }
  const labels = new Map<string, string>();
  for (const group of byKind.values()) if (group.length > 1) group.forEach((clock, i) => labels.set(clock.id, ` #${i + 1}`));
  return labels;
}

/** A clock that ended met on time: nothing left to watch, so it may be folded away. */
const metOnTime = (clock: Clock) => clock.endedAt !== null && clock.metAt !== null && clock.breachedAt === null;

/**
 * Every clock of the case, each cycle's in order: due time, what is left, and any breach. Two or
 * more clocks met on time fold into one line (a button opens them), so a case with many updates
 * keeps its open clocks and the actions below them near the top of the panel. Breaches stay.
 * Mounted per case (its key), so the fold starts closed for each case.
 */
export function ClockTable({ clocks, escalations = [] }: { clocks: readonly Clock[]; escalations?: CaseState['escalations'] }) {
  const [unfolded, setUnfolded] = useState(false);
  if (clocks.length === 0) return <p className="empty">No clocks: the case's plan is not in the policy.</p>;
  const numbers = ordinals(clocks);
  const met = clocks.filter(metOnTime).length;
  const folded = met >= 2 && !unfolded;
  return (
    <table className="clock-table" aria-label="Clocks">
      <thead>
        <tr>
          <th scope="col">Clock</th>
          <th scope="col">State</th>
          <th scope="col">Due</th>
          <th scope="col">Remaining</th>
          <th scope="col">Breach</th>
        </tr>
      </thead>
      <tbody>
        {met >= 2 ? (
          <tr className="clock-fold">
            <td colSpan={5}>
              <button type="button" className="link" aria-expanded={!folded} onClick={() => setUnfolded(folded)}>
                <span aria-hidden="true">{folded ? '▸ ' : '▾ '}</span>
                {count(met, 'earlier clock')} met on time
              </button>
            </td>
          </tr>
        ) : null}
        {(folded ? clocks.filter((clock) => !metOnTime(clock)) : clocks).map((clock) => {
          const escalation = clock.kind === 'lackOfProgress' ? lackOfProgressEscalation({ escalations }, clock) : null;
          return (
            <tr key={clock.id}>
              <th scope="row">
                {CLOCK_LABEL[clock.kind]}
                {numbers.get(clock.id)}
                {clock.cycle > 1 ? <span className="muted"> (cycle {clock.cycle})</span> : null}
              </th>
              <td>
                <LiveClockState clock={clock} escalated={escalation !== null} />
              </td>
              <td>{clock.dueAt ? formatDue(clock.dueAt) : 'When the customer replies'}</td>
              <td>
                <LiveCountdown clock={clock} escalated={escalation !== null} />
              </td>
              <td>{escalation ? `Escalated to ${inSentence(LEVEL_LABEL[escalation.level])} ${formatDue(escalation.at)}` : <Breach clock={clock} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
