import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../../src-shared/domain';
import { SeverityBadge } from '../../components/SeverityBadge';
import { overdueCount, useDeskStores, useNow, type Queues } from '../../state';

/** The id of a queue's tab panel. */
export const panelIdOf = (severity: Severity) => `queue-panel-${severity}`;

/** Keys 1 to 4 open the P1 to P4 queues. */
export const QUEUE_KEYS: Record<Severity, string> = { P1: '1', P2: '2', P3: '3', P4: '4' };

/** The four queues, each with its count of open and of overdue cases. */
export function QueueTabs({ queues, active }: { queues: Queues; active: Severity }) {
  const { ui } = useDeskStores();
  const nowMs = useNow();
  return (
    <div className="queue-tabs" role="tablist" aria-label="Queues by severity">
      {SEVERITIES.map((severity) => {
        const open = queues[severity].length;
        const overdue = overdueCount(queues[severity], nowMs);
        return (
          <button
            key={severity}
            type="button"
            role="tab"
            id={`queue-tab-${severity}`}
            aria-selected={severity === active}
            aria-controls={panelIdOf(severity)}
            className={`queue-tab queue-${severity.toLowerCase()}`}
            title={`${SEVERITY_INFO[severity].label} queue (${QUEUE_KEYS[severity]})`}
            aria-keyshortcuts={QUEUE_KEYS[severity]}
            onClick={() => ui.getState().showQueue(severity)}
          >
            <SeverityBadge severity={severity} />
            <span className="counts">
              <span>{open} open</span>
              <span className={overdue > 0 ? 'overdue-count' : undefined}>{overdue} overdue</span>
            </span>
          </button>
        );
      })}
    </div>
  );
}
