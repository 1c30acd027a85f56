import { useMemo } from 'react';
import { caseViewOf, matchesFilters, useCases, useReviews, useSettings, useUi } from '../../state';
import { DeadlinesView } from '../deadlines';
import { reviewDeadlines } from './review-deadlines';

/** The update deadlines with the reviews' items joined in, under the same filters as the clocks. */
export function ReviewDeadlinesView() {
  const items = useReviews((state) => state.items);
  const byId = useCases((state) => state.byId);
  const settings = useSettings((state) => state.settings);
  const filters = useUi((state) => state.filters);
  const extraSources = useMemo(() => {
    if (!settings) return [];
    const viewOf = (caseId: string) => {
      const record = byId.get(caseId);
      if (!record) return null;
      const view = caseViewOf(record, settings.policy);
      return matchesFilters(view, filters, settings.engineerName) ? view : null;
    };
    return [reviewDeadlines(items, viewOf)];
  }, [items, byId, settings, filters]);
  return <DeadlinesView extraSources={extraSources} />;
}
