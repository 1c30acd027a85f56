import type { DeskError, ErrorIssue } from '../../../src-shared/contract';
import type { Settings } from '../../../src-shared/settings';
import { fieldLabel, fieldOf } from './field-paths';
import type { Feedback } from './use-settings-editor';

interface Props {
  readonly draft: Settings;
  readonly feedback: Feedback;
  readonly issues: readonly ErrorIssue[];
  readonly serverError?: DeskError;
}

/** Why a save was refused, naming each field; the same messages also sit next to their fields. */
export function IssueSummary({ draft, feedback, issues, serverError }: Props) {
  if (feedback !== 'refused' && feedback !== 'failed') return null;
  const heading =
    feedback === 'refused'
      ? `Not saved: ${issues.length === 1 ? '1 field needs' : `${issues.length} fields need`} fixing.`
      : `Not saved: ${serverError?.message ?? 'the console refused the settings'}`;
  return (
    <div role="alert" className="settings-summary">
      <p>{heading}</p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue, i) => (
            <li key={`${issue.path}-${i}`}>{`${fieldLabel(draft, fieldOf(issue.path))}: ${issue.message}`}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
