import type { KeyboardEvent } from 'react';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../../src-shared/domain';
import { SeverityBadge } from '../../components/SeverityBadge';
import { overdueCount, useDeskStores, useNow, type Queues } from '../../state';

/** The id of a queue's tab panel. */
export const panelIdOf = (severity: Severity) => `queue-panel-${severity}`;

/** Keys 1 to 4 open the P1 to P4 queues. */
export const QUEUE_KEYS: Record<Severity, string> = { P1: '1', P2: '2', P3: '3', P4: '4' };

const tabIdOf = (severity: Severity) => `queue-tab-${severity}`;

/** Where an arrow, Home or End moves from a tab (the WAI-ARIA tabs pattern, wrapping at the ends); undefined for any other key. */
export function tabAfterKey(key: string, from: Severity): Severity | undefined {
  const at = SEVERITIES.indexOf(from);
  const last = SEVERITIES.length - 1;
  const to = key === 'ArrowRight' ? (at + 1) % SEVERITIES.length : key === 'ArrowLeft' ? (at + last) % SEVERITIES.length : key === 'Home' ? 0 : key === 'End' ? last : -1;
  return to >= 0 ? SEVERITIES[to] : undefined;
}

/**
 * The four queues, each with its count of open and of overdue cases. One tab stop (the shown
 * queue's tab); the arrow keys, Home and End move between the tabs and show the queue at once.
 */
export function QueueTabs({ queues, active }: { queues: Queues; active: Severity }) {
  const { ui } = useDeskStores();
  const nowMs = useNow();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const to = tabAfterKey(event.key, active);
    if (!to) return;
    event.preventDefault();
    ui.getState().showQueue(to);
    document.getElementById(tabIdOf(to))?.focus();
  };
  return (
    <div className="queue-tabs" role="tablist" aria-label="Queues by severity" onKeyDown={onKeyDown}>
      {SEVERITIES.map((severity) => {
        const open = queues[severity].length;
        const overdue = overdueCount(queues[severity], nowMs);
        return (
          <button
            key={severity}
            type="button"
            role="tab"
            id={tabIdOf(severity)}
            aria-selected={severity === active}
            tabIndex={severity === active ? 0 : -1}
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
