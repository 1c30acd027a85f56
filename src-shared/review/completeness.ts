import { impactOrderProblems } from './impact';
import type { ReviewContent } from './model';

export interface ReviewProblem {
  readonly path: string;
  readonly message: string;
}

const blank = (text: string) => text.trim() === '';

/**
 * What stands between a review and its publication. A review names its root cause and says
 * how to prevent a repeat: at least one preventative recommendation or action item.
 */
export function publishProblems(content: ReviewContent): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (blank(content.rootCauseAnalysis.rootCause)) {
    problems.push({ path: 'rootCauseAnalysis.rootCause', message: 'the root cause is empty' });
  }
  if (blank(content.preventativeRecommendations) && content.actionItems.length === 0) {
    problems.push({ path: 'preventativeRecommendations', message: 'add at least one preventative recommendation or action item' });
  }
  problems.push(...impactOrderProblems(content.impact));
  return problems;
}
