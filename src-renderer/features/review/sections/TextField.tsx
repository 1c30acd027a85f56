import type { ReviewTextField } from '../../../../src-shared/review';
import { MarkdownField } from '../MarkdownField';
import { useChange, useFieldProblem } from '../review-context';

/** One Markdown field of the review, saved as a change of that field alone. */
export function TextField({ field, label, value, readOnly, rows }: { field: ReviewTextField; label: string; value: string; readOnly: boolean; rows?: number }) {
  const change = useChange();
  const problem = useFieldProblem(field);
  return <MarkdownField label={label} value={value} onChange={(next) => change({ op: 'setText', field, value: next })} readOnly={readOnly} problem={problem} {...(rows ? { rows } : {})} />;
}
