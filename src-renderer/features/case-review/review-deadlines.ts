import type { ReviewDeadlineItem } from '../../../src-shared/review';
import type { CaseView } from '../../state';
import type { DeadlineItem } from '../deadlines';

/** The reviews' items as update deadlines: a click on one opens the review. */
export function reviewDeadlines(items: readonly ReviewDeadlineItem[], caseViewOfId: (caseId: string) => CaseView | null): DeadlineItem[] {
  return items.flatMap((item): DeadlineItem[] => {
    const view = caseViewOfId(item.caseId);
    if (!view) return [];
    const common = { caseId: item.caseId, caseTitle: item.caseTitle, customer: view.state.customer, severity: view.state.severity, dueAt: item.dueAt, opens: 'review' as const };
    if (item.kind === 'reviewDue') return [{ ...common, key: `${item.caseId}:review`, kind: 'reviewDue' as const, label: 'Review required' }];
    return [{ ...common, dueDate: item.due, key: `${item.caseId}:action-item:${item.itemId}`, kind: 'reviewActionItem' as const, label: `Action item: ${item.title}${item.owner ? ` (${item.owner})` : ''}` }];
  });
}
