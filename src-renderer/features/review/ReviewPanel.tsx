import { useEffect, useState } from 'react';
import { REVIEW_STATUS_LABELS, formatInZone, type ReviewRequirement } from '../../../src-shared/review';
import { useDeskStores } from '../../state';
import { ConflictDialog } from './ConflictDialog';
import { ExportBar, usePrinting } from './ExportBar';
import { ReviewDocument } from './ReviewDocument';
import { RevisionHistory } from './RevisionHistory';
import { ReviewStoreProvider, useReview, useTimeZone } from './review-context';
import { createReviewStore, type SaveState } from './review-store';
import { ActionItemsSection } from './sections/ActionItemsSection';
import { ImpactSection } from './sections/ImpactSection';
import { RootCauseSection } from './sections/RootCauseSection';
import { SummarySection } from './sections/SummarySection';
import { LessonsLearnedSection, OperationalImprovementsSection, PreventativeRecommendationsSection } from './sections/TextSections';
import { TimelineSection } from './sections/TimelineSection';
import { StartReviewButton } from './StartReviewButton';

const SAVE_LABELS: Readonly<Record<SaveState, string>> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved',
  conflict: 'Changed in another window',
};

function RequirementNote({ requirement, timeZone }: { requirement: ReviewRequirement; timeZone: string }) {
  if (!requirement.required) return <p className="muted">No review is required for this case; one can be written on request.</p>;
  const formal = requirement.formal ? ' Under Premium the review is formally part of the service engagement.' : '';
  if (requirement.state === 'published') return <p role="status">Review published{requirement.publishedAt ? ` ${formatInZone(requirement.publishedAt, timeZone)}` : ''}.{formal}</p>;
  return (
    <p role="status" className={requirement.state === 'overdue' ? 'overdue' : undefined}>
      Review required{requirement.dueAt ? `, due ${formatInZone(requirement.dueAt, timeZone)}` : ''}
      {requirement.state === 'overdue' ? ' (overdue)' : ''}.{formal}
    </p>
  );
}

function StatusBar() {
  const review = useReview((state) => state.review);
  const saveState = useReview((state) => state.saveState);
  const error = useReview((state) => state.error);
  const submit = useReview((state) => state.submit);
  const returnToDraft = useReview((state) => state.returnToDraft);
  const publish = useReview((state) => state.publish);
  const revise = useReview((state) => state.revise);
  if (!review) return null;
  return (
    <div className="review-status">
      <span>
        {REVIEW_STATUS_LABELS[review.status]}, revision {review.revision}
      </span>
      <span role="status" aria-label="Save status">{SAVE_LABELS[saveState]}</span>
      {review.status === 'draft' ? <button type="button" onClick={() => void submit()}>Submit for review</button> : null}
      {review.status === 'inReview' ? (
        <>
          <button type="button" onClick={() => void returnToDraft()}>Back to draft</button>
          <button type="button" className="primary" onClick={() => void publish()}>Publish</button>
        </>
      ) : null}
      {review.status === 'published' ? <button type="button" onClick={() => void revise()}>Start a new revision</button> : null}
      {error && saveState !== 'conflict' ? (
        <div role="alert" className="review-error">
          {error.message}
          {error.issues?.length ? <ul>{error.issues.map((issue) => <li key={issue.path}>{issue.message}</li>)}</ul> : null}
        </div>
      ) : null}
    </div>
  );
}

/** The whole review, shown only while the browser prints it (see the print stylesheet). */
function PrintView({ title }: { title: string }) {
  const content = useReview((state) => state.content);
  const timeZone = useTimeZone();
  if (!content) return null;
  return (
    <div className="print-only">
      <h1>{title}</h1>
      <ReviewDocument content={content} timeZone={timeZone} />
    </div>
  );
}

function Editor({ caseId }: { caseId: string }) {
  const status = useReview((state) => state.status);
  const view = useReview((state) => state.view);
  const hasReview = useReview((state) => state.review !== null);
  const error = useReview((state) => state.error);
  const adoptStarted = useReview((state) => state.load);
  const timeZone = useTimeZone();
  const [printing, print] = usePrinting();

  if (status === 'loading') return <p aria-busy="true">Loading the review…</p>;
  if (status === 'failed' || !view) return <p role="alert">The review could not be opened: {error?.message}</p>;

  return (
    <article className="review-panel" aria-label={`Post-incident review of ${caseId}`}>
      <header className="review-header">
        <h2>
          Post-incident review: {view.header.caseId} {view.header.title}
        </h2>
        <p className="muted">
          {view.header.customer} · {view.header.plan} · {view.header.severity} · {view.header.resolvedAt ? `resolved ${formatInZone(view.header.resolvedAt, timeZone)}` : 'not resolved'}
        </p>
        <RequirementNote requirement={view.requirement} timeZone={timeZone} />
      </header>
      {hasReview ? (
        <>
          <StatusBar />
          <ExportBar caseId={caseId} onPrint={print} />
          <SummarySection />
          <ImpactSection />
          <TimelineSection />
          <RootCauseSection />
          <PreventativeRecommendationsSection />
          <OperationalImprovementsSection />
          <ActionItemsSection />
          <LessonsLearnedSection />
          <RevisionHistory />
          <ConflictDialog />
          {printing ? <PrintView title={`Post-incident review: ${view.header.caseId} ${view.header.title}`} /> : null}
        </>
      ) : (
        <StartReviewButton caseId={caseId} onStarted={() => void adoptStarted()} />
      )}
    </article>
  );
}

/** The post-incident review of one case: opened from the case, saved as the engineer types. */
export function ReviewPanel({ caseId }: { caseId: string }) {
  const { desk } = useDeskStores();
  const [store] = useState(() => createReviewStore(desk, caseId));
  useEffect(() => {
    const disconnect = store.getState().connect();
    void store.getState().load();
    const flushOnHide = () => void store.getState().flush();
    window.addEventListener('pagehide', flushOnHide);
    return () => {
      window.removeEventListener('pagehide', flushOnHide);
      disconnect();
      void store.getState().flush();
    };
  }, [store]);
  return (
    <ReviewStoreProvider store={store}>
      <Editor caseId={caseId} />
    </ReviewStoreProvider>
  );
}
