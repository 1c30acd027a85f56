import { useEffect, useState } from 'react';
import type { DeskError, ReviewView } from '../../../src-shared/contract';
import type { CaseState } from '../../../src-shared/domain';
import { REVIEW_STATUS_LABELS } from '../../../src-shared/review';
import { formatDue } from '../../components/time-format';
import { useDeskStores, useNow } from '../../state';
import { StartReviewButton } from '../review';

/** The case's review as the core holds it, fetched again when the case or its review changes. */
function useReviewView(caseId: string, lastSeq: number): { view: ReviewView | null; error: DeskError | null } {
  const { desk } = useDeskStores();
  const [answer, setAnswer] = useState<{ caseId: string; view: ReviewView | null; error: DeskError | null }>({ caseId, view: null, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => desk.events.on('reviews.changed', (change) => change.caseId === caseId && setVersion((n) => n + 1)), [desk, caseId]);
  useEffect(() => {
    let current = true;
    void desk.api['reviews.get']({ caseId }).then((result) => {
      if (current) setAnswer(result.ok ? { caseId, view: result.value, error: null } : { caseId, view: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [desk, caseId, lastSeq, version]);
  return answer.caseId === caseId ? answer : { view: null, error: null };
}

function RequirementText({ view }: { view: ReviewView }) {
  const requirement = view.requirement;
  const dueAt = requirement.required ? requirement.dueAt : null;
  const overdue = useNow((state) => dueAt !== null && Date.parse(dueAt) < state.nowMs);
  if (!requirement.required) return null;
  const formal = requirement.formal ? <p>Under the Premium plan the review is formally part of the engagement.</p> : null;
  if (requirement.state === 'published') {
    return (
      <>
        <p>Review published{requirement.publishedAt ? ` ${formatDue(requirement.publishedAt)}` : ''}.</p>
        {formal}
      </>
    );
  }
  return (
    <>
      <p className={overdue ? 'overdue' : undefined}>
        Review required{dueAt ? `, due ${formatDue(dueAt)}` : ''}
        {overdue ? ' (overdue)' : ''}
      </p>
      {formal}
    </>
  );
}

/**
 * The case's post-incident review in the case panel: whether the framework requires one and by
 * when, the review's status, and the way into the editor. Resolved cases can start one on request.
 */
export function CaseReviewSection({ state }: { state: CaseState }) {
  const { ui } = useDeskStores();
  const { view, error } = useReviewView(state.id, state.lastSeq);
  const open = () => ui.getState().openReview(state.id);
  const resolvedOnce = state.status === 'resolved' || state.status === 'closed';
  if (error) {
    return (
      <section className="case-review" aria-label="Post-incident review">
        <h3>Post-incident review</h3>
        <p role="alert">The review could not be read: {error.message}</p>
      </section>
    );
  }
  if (!view || (!view.review && !view.requirement.required && !resolvedOnce)) return null;
  return (
    <section className="case-review" aria-label="Post-incident review">
      <h3>Post-incident review</h3>
      <RequirementText view={view} />
      {view.review ? (
        <>
          <p>
            Review: {REVIEW_STATUS_LABELS[view.review.status]}, revision {view.review.revision}
          </p>
          <button type="button" className="primary" onClick={open}>
            Open review
          </button>
        </>
      ) : (
        <>
          {view.requirement.required ? null : <p className="muted">No review is required; one can be written on request.</p>}
          <StartReviewButton caseId={state.id} onStarted={open} />
        </>
      )}
    </section>
  );
}
