import { SEVERITY_INFO } from '../../../src-shared/domain';
import { useFilteredQueues, useQueues, useUi } from '../../state';
import { FilterBar } from '../find';
import { effectiveQueue } from './effective-queue';
import { QueueList } from './QueueList';
import { QueueTabs } from './QueueTabs';

const PANEL_ID = 'queue-panel';

export function QueuesView() {
  const all = useQueues();
  const queues = useFilteredQueues();
  const chosen = useUi((state) => state.queue);
  const wasChosen = useUi((state) => state.queueChosen);
  if (!queues || !all) return null;
  const active = effectiveQueue(all, chosen, wasChosen);
  return (
    <section className="queues" aria-label="Queues">
      <QueueTabs queues={queues} active={active} panelId={PANEL_ID} />
      <FilterBar />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`queue-heading-${active}`} className="queue-panel">
        <h2 id={`queue-heading-${active}`} className="queue-heading">
          {SEVERITY_INFO[active].label}
        </h2>
        <QueueList severity={active} cases={queues[active]} />
      </div>
    </section>
  );
}
