import type { ReviewChange } from '../../../src-shared/review';

/**
 * The field a change edits, as a dotted name: "summary", "impact.startedAt",
 * "actionItems.item-2.link", "timeline.added:1.annotation". A later change of the same field
 * replaces an earlier one, and a problem is marked at its field by this name.
 */
export function fieldOf(change: ReviewChange): string {
  const fields = (record: object, skip: readonly string[]) =>
    Object.keys(record)
      .filter((key) => !skip.includes(key))
      .sort()
      .join('+');
  switch (change.op) {
    case 'setText':
      return change.field;
    case 'setImpactTime':
      return `impact.${change.field}`;
    case 'setFiveWhys':
      return 'rootCauseAnalysis.fiveWhys';
    case 'setRootCauseLabels':
      return 'rootCauseAnalysis.labels';
    case 'setTimelineEntry':
      return `timeline.${change.id}.${fields(change, ['op', 'id'])}`;
    case 'addTimelineEntry':
      return `timeline.${change.entry.id}`;
    case 'addActionItem':
    case 'removeActionItem':
      return `actionItems.${'item' in change ? change.item.id : change.id}`;
    case 'setActionItem':
      return `actionItems.${change.id}.${fields(change, ['op', 'id'])}`;
    case 'moveActionItem':
      return `actionItems.${change.id}.position`;
  }
}

/** A rule's message as a sentence at the field: "A link must start with http:// or https://." */
export function problemMessage(message: string): string {
  const sentence = message.trim();
  if (sentence === '') return 'This value cannot be saved.';
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
}
