import { useMemo } from 'react';
import { SEVERITIES } from '../../../src-shared/domain';
import { useFilteredQueues } from '../../state';
import { FilterBar } from '../find';
import { clockDeadlines, type DeadlineItem } from './deadline-item';
import { DeadlineList } from './DeadlineList';

const NO_EXTRA_SOURCES: ReadonlyArray<readonly DeadlineItem[]> = [];

/** Update deadlines: the clocks of the cases on screen, plus whatever other sources add. */
export function DeadlinesView({ extraSources = NO_EXTRA_SOURCES }: { extraSources?: ReadonlyArray<readonly DeadlineItem[]> }) {
  const queues = useFilteredQueues();
  const fromClocks = useMemo(() => (queues ? clockDeadlines(SEVERITIES.flatMap((severity) => queues[severity])) : []), [queues]);
  const sources = useMemo(() => [fromClocks, ...extraSources], [fromClocks, extraSources]);
  if (!queues) return null;
  return (
    <section className="deadlines list-view" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines</h2>
      <FilterBar />
      <DeadlineList sources={sources} />
    </section>
  );
}
