import { formatDue } from '../../components/time-format';
import { useReviews } from '../../state';

/** "Review required" on a queue row while the case owes a review; reads one key of the reviews store. */
export function ReviewRequiredBadge({ caseId }: { caseId: string }) {
  const item = useReviews((state) => state.requiredByCase[caseId]);
  if (!item) return null;
  return (
    <span className="review-required" title={`Post-incident review due ${formatDue(item.dueAt)}`}>
      Review required
    </span>
  );
}
