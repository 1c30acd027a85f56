import { useState } from 'react';
import type { DeskError, ReviewView } from '../../../src-shared/contract';
import { useDeskStores } from '../../state';

/** "Start review": creates the draft, prefilled from the case events. */
export function StartReviewButton({ caseId, onStarted }: { caseId: string; onStarted?: (view: ReviewView) => void }) {
  const { desk } = useDeskStores();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError>();
  async function start() {
    setBusy(true);
    const result = await desk.api['reviews.start']({ caseId });
    setBusy(false);
    if (result.ok) onStarted?.(result.value);
    else setError(result.error);
  }
  return (
    <>
      <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
        Start review
      </button>
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
