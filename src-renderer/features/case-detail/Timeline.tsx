import type { CaseRecord } from '../../../src-shared/domain';
import { useSettings } from '../../state';
import { formatInstant } from '../../components/time-format';
import { describeEvent } from './event-text';

/** Every event of the case, oldest first, with its time and who did it. */
export function Timeline({ record }: { record: CaseRecord }) {
  const plans = useSettings((state) => state.settings?.policy.plans);
  const planName = (id: string) => plans?.find((plan) => plan.id === id)?.name ?? id;
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      <ol className="timeline" aria-label="Timeline">
        {[...record.events]
          .sort((a, b) => a.seq - b.seq)
          .map((event) => (
            <li key={event.id} className={`event event-${event.type}`}>
              <time dateTime={event.at}>{formatInstant(event.at)}</time>
              <span className="actor">{event.actor}</span>
              <span className="text">{describeEvent(event, planName)}</span>
            </li>
          ))}
      </ol>
    </section>
  );
}
