import { useEffect } from 'react';
import { availableActions, type CaseState } from '../../../src-shared/domain';
import { useDeskStores } from '../../state';
import { isShortcutEvent } from '../find';
import { ACTION_SPECS, shortcutLabel } from './action-specs';

/**
 * Every workflow action on the open case. One not allowed now is disabled, and the shared
 * rules' reason is shown beside it and described to assistive technology.
 */
export function ActionBar({ state }: { state: CaseState }) {
  const { ui } = useDeskStores();
  const available = availableActions(state);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || ui.getState().dialog) return;
      const spec = ACTION_SPECS.find((candidate) => candidate.key === event.key);
      if (!spec || !availableActions(state)[spec.action].allowed) return;
      event.preventDefault();
      ui.getState().openDialog({ kind: 'action', action: spec.action, caseId: state.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui, state]);

  return (
    <div className="actions" role="group" aria-label="Actions">
      {ACTION_SPECS.map((spec) => {
        const { allowed, reason } = available[spec.action];
        const reasonId = `action-reason-${spec.action}`;
        const key = shortcutLabel(spec.key);
        return (
          <div key={spec.action} className="action">
            <button
              type="button"
              disabled={!allowed}
              title={allowed ? `${spec.label} (${key})` : `${spec.label} (${key}): not now, ${reason}`}
              aria-keyshortcuts={key}
              aria-describedby={allowed ? undefined : reasonId}
              onClick={() => ui.getState().openDialog({ kind: 'action', action: spec.action, caseId: state.id })}
            >
              {spec.label}
            </button>
            {allowed ? null : (
              <span id={reasonId} className="reason">
                {reason}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
