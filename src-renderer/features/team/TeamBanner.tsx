import { ACTION_SPECS } from '../actions/action-specs';
import { STATUS_LABEL, inSentence } from '../../../src-shared/words/labels';
import { foldCase } from '../../../src-shared/domain';
import { useUi } from '../../state';
import type { TeamView } from '../../../src-shared/contract';
import { teamBannerText, useTeam } from './use-team';

/** The refused command as the action the engineer took ("Post update"), never its code. */
function commandWords(command: string): string {
  return ACTION_SPECS.find((spec) => spec.action === command)?.label ?? command;
}

/** A case imported here that the team held already, in a sentence: which key it has now, where the engineer's changes went, what to do about what is missing. */
export function mergeWords(merge: NonNullable<TeamView['merges']>[number], count: number): string {
  const changes = merge.changes === 0 ? '' : ` ${merge.changes === 1 ? 'Your change to it is' : `Your ${merge.changes} changes to it are`} there now.`;
  const missing = merge.missing === 0 ? '' : ` It lacks ${merge.missing} ${merge.missing === 1 ? 'comment or change' : 'comments or changes'} from the desk that your copy had: import the file again to add them.`;
  const more = count > 1 ? ` ${count - 1} more ${count === 2 ? 'case' : 'cases'} you imported ${count === 2 ? 'was' : 'were'} the team's already and merged the same way.` : '';
  return `${merge.ticket} was imported on another console first, so your ${merge.from} is the team's ${merge.into}.${changes}${missing}${more}`;
}

/**
 * Team mode's state where the engineer works: offline with N changes waiting, and a change the
 * team refused because someone acted first, with the reason and the case as it now stands; a
 * case imported here that the team already held, merged into the team's case.
 */
export function TeamBanner() {
  const { view } = useTeam();
  const openCase = useUi((state) => state.openCase);
  if (!view || view.connection === 'off') return null;
  const text = teamBannerText(view);
  const refusal = view.refusals[0];
  const merge = view.merges?.[0];
  if (!text && !refusal && !merge) return null;
  return (
    <div className="team-banner" role="status">
      {text ? <p className="team-offline">{text}</p> : null}
      {refusal ? (
        <p className="team-refusal">
          {`Your change to ${refusal.record.id} (${commandWords(refusal.command)}) was not applied: ${refusal.reason}. Someone else acted first; the case is now ${inSentence(STATUS_LABEL[foldCase(refusal.record).status])}.`}{' '}
          <button type="button" onClick={() => openCase(refusal.caseId)}>
            Open {refusal.caseId}
          </button>
        </p>
      ) : null}
      {merge ? (
        <p className="team-merge">
          {mergeWords(merge, view.mergedCount ?? 1)}{' '}
          <button type="button" onClick={() => openCase(merge.into)}>
            Open {merge.into}
          </button>
        </p>
      ) : null}
    </div>
  );
}
