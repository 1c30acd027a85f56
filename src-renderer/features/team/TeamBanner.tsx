import { ACTION_SPECS } from '../actions/action-specs';
import { STATUS_LABEL, inSentence } from '../../../src-shared/words/labels';
import { foldCase } from '../../../src-shared/domain';
import { useUi } from '../../state';
import { teamBannerText, useTeam } from './use-team';

/** The refused command as the action the engineer took ("Post update"), never its code. */
function commandWords(command: string): string {
  return ACTION_SPECS.find((spec) => spec.action === command)?.label ?? command;
}

/**
 * Team mode's state where the engineer works: offline with N changes waiting, and a change the
 * team refused because someone acted first, with the reason and the case as it now stands.
 */
export function TeamBanner() {
  const { view } = useTeam();
  const openCase = useUi((state) => state.openCase);
  if (!view || view.connection === 'off') return null;
  const text = teamBannerText(view);
  const refusal = view.refusals[0];
  if (!text && !refusal) return null;
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
    </div>
  );
}
