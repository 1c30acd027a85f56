import { useEffect, useState } from 'react';
import type { DeskError } from '../../../src-shared/contract';
import { useDeskStores } from '../../state';

/**
 * The cases store holds the open cases; a closed case opened from All cases (or a notification)
 * is asked for by id and joins it, so its panel, actions (Reopen, Record feedback) and later
 * changes work as for any other case. Returns why it could not be loaded, if so.
 */
export function useCaseLoaded(caseId: string, loaded: boolean): DeskError | null {
  const { desk, cases } = useDeskStores();
  const [problem, setProblem] = useState<{ caseId: string; error: DeskError } | null>(null);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    void desk.api['cases.get']({ id: caseId }).then((answer) => {
      if (!current) return;
      if (answer.ok) cases.getState().applyChange(answer.value);
      else setProblem({ caseId, error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [desk, cases, caseId, loaded]);
  return problem?.caseId === caseId ? problem.error : null;
}
