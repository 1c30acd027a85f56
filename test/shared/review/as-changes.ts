import type { ActionItem, ReviewChange, ReviewContent, ReviewTextField, TimelineEntry } from '../../../src-shared/review';

type SectionValues = {
  readonly summary?: string;
  readonly preventativeRecommendations?: string;
  readonly operationalImprovements?: string;
  readonly rootCauseAnalysis?: ReviewContent['rootCauseAnalysis'];
  readonly lessonsLearned?: ReviewContent['lessonsLearned'];
  readonly actionItems?: readonly ActionItem[];
  /** Entries of the timeline whose hidden, key or annotation changed. */
  readonly timeline?: readonly TimelineEntry[];
};

/**
 * Test shorthand: whole sections written out as the small changes the editor sends (a
 * field each, an item each). Action items are added, then closed when given as done.
 */
export function asChanges(values: SectionValues): ReviewChange[] {
  const changes: ReviewChange[] = [];
  const text = (field: ReviewTextField, value: string | undefined) => {
    if (value !== undefined) changes.push({ op: 'setText', field, value });
  };
  text('summary', values.summary);
  text('preventativeRecommendations', values.preventativeRecommendations);
  text('operationalImprovements', values.operationalImprovements);
  if (values.rootCauseAnalysis) {
    text('rootCauseAnalysis.rootCause', values.rootCauseAnalysis.rootCause);
    text('rootCauseAnalysis.contributingFactors', values.rootCauseAnalysis.contributingFactors);
    if (values.rootCauseAnalysis.fiveWhys.length > 0) changes.push({ op: 'setFiveWhys', value: [...values.rootCauseAnalysis.fiveWhys] });
    const { categories = [], tags = [] } = values.rootCauseAnalysis;
    if (categories.length > 0 || tags.length > 0) changes.push({ op: 'setRootCauseLabels', categories: [...categories], tags: [...tags] });
  }
  if (values.lessonsLearned) {
    text('lessonsLearned.wentWell', values.lessonsLearned.wentWell);
    text('lessonsLearned.wentWrong', values.lessonsLearned.wentWrong);
    text('lessonsLearned.gotLucky', values.lessonsLearned.gotLucky);
  }
  for (const item of values.actionItems ?? []) {
    changes.push({ op: 'addActionItem', item: { id: item.id, title: item.title, owner: item.owner, due: item.due, link: item.link } });
    if (item.status === 'done') changes.push({ op: 'setActionItem', id: item.id, status: 'done' });
  }
  for (const entry of values.timeline ?? []) changes.push({ op: 'setTimelineEntry', id: entry.id, hidden: entry.hidden, key: entry.key, annotation: entry.annotation });
  return changes;
}
