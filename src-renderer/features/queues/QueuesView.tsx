import { memo, useDeferredValue, useEffect, useRef, type RefObject } from 'react';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../../src-shared/domain';
import { useFilteredQueues, useQueues, useUi, type CaseView } from '../../state';
import { ClockScope, useFollowingClock } from '../clocks';
import { FilterBar } from '../find';
import { effectiveQueue } from './effective-queue';
import { QueueList } from './QueueList';
import { QueueMatches } from './QueueMatches';
import { panelIdOf, QueueTabs } from './QueueTabs';

export function QueuesView() {
  const all = useQueues();
  const queues = useFilteredQueues();
  const chosen = useUi((state) => state.queue);
  const wasChosen = useUi((state) => state.queueChosen);
  if (!queues || !all) return null;
  const active = effectiveQueue(all, chosen, wasChosen);
  return (
    <section className="queues list-view" aria-label="Queues">
      <QueueTabs queues={queues} active={active} />
      <FilterBar />
      <QueueMatches queues={queues} active={active} />
      <div className="queue-panels">
        {SEVERITIES.map((severity) => (
          <QueuePanel key={severity} severity={severity} cases={queues[severity]} active={severity === active} />
        ))}
      </div>
    </section>
  );
}

/**
 * One queue's tab panel. All four stay mounted and the ones not chosen are hidden (`hidden`, so
 * out of the accessibility tree; the style sheet keeps their layout with `content-visibility:
 * hidden` instead of `display: none`): switching queues then shows rows already built and laid
 * out instead of rendering and laying out new ones. Memoized: a change in another queue, which
 * keeps this queue's identity, does not render it again. A hidden panel follows its queue at a
 * lower priority (a deferred value: typing a filter or a pushed change renders the panel on
 * screen first), and its countdowns do not tick.
 */
const QueuePanel = memo(function QueuePanel({ severity, cases: current, active }: { severity: Severity; cases: readonly CaseView[]; active: boolean }) {
  const deferred = useDeferredValue(current);
  const cases = active ? current : deferred;
  const panel = useRef<HTMLDivElement>(null);
  useLayoutWhileHidden(panel, active, cases);
  // Hidden, its countdowns stand still; shown again, they catch up before it is painted.
  const clock = useFollowingClock(active);
  return (
    <div ref={panel} id={panelIdOf(severity)} role="tabpanel" aria-labelledby={`queue-heading-${severity}`} className="queue-panel" hidden={!active} aria-hidden={active ? undefined : true}>
      <h2 id={`queue-heading-${severity}`} className="queue-heading">
        {SEVERITY_INFO[severity].label}
      </h2>
      <ClockScope clock={clock}>
        <QueueList severity={severity} cases={cases} active={active} />
      </ClockScope>
    </div>
  );
});

const whenIdle: (run: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run) => {
        const handle = requestIdleCallback(run, { timeout: 1000 });
        return () => cancelIdleCallback(handle);
      }
    : (run) => {
        const handle = setTimeout(run, 50);
        return () => clearTimeout(handle);
      };

/**
 * A hidden panel is laid out only when something asks for its geometry: ask, when the page is
 * idle, after it is built and after its queue changed, so the first time it is shown costs no
 * more than any other.
 */
function useLayoutWhileHidden(panel: RefObject<HTMLDivElement | null>, active: boolean, cases: readonly CaseView[]) {
  useEffect(() => {
    if (active) return;
    return whenIdle(() => panel.current?.querySelector('.virtual-space')?.getBoundingClientRect());
  }, [panel, active, cases]);
}
