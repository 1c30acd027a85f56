import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFocusOnChange } from '../../components/use-focus-on-change';
import { usePrintPath } from '../../components/use-print-path';
import { REVIEW_STATUS_LABELS, approvalRefusal, formatInZone, headerFacts, samePerson, withReview, type ReviewRequirement } from '../../../src-shared/review';
import { useDeskStores, useSettings } from '../../state';
import { ConflictDialog } from './ConflictDialog';
import { ExportBar, usePrintView } from './ExportBar';
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

function SubmitForm({ engineer, onCancel }: { engineer: string; onCancel: () => void }) {
  const submit = useReview((state) => state.submit);
  const [approver, setApprover] = useState('');
  const [problem, setProblem] = useState<string>();
  const send = (event: FormEvent) => {
    event.preventDefault();
    const named = approver.trim();
    if (named === '') return setProblem('Name the engineer who approves the review.');
    if (samePerson(named, engineer)) return setProblem('You cannot approve your own review: name another engineer.');
    setProblem(undefined);
    void submit(named);
  };
  return (
    <form className="submit-review" aria-label="Submit for review" onSubmit={send} noValidate>
      <label>
        Approver
        <input value={approver} onChange={(event) => setApprover(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'approver-problem' : undefined} />
      </label>
      <button type="submit" className="primary">Submit</button>
      <button type="button" onClick={onCancel}>Cancel</button>
      {problem ? <span id="approver-problem" className="field-problem">{problem}</span> : null}
    </form>
  );
}

function saveLabel(saveState: SaveState, problems: number): string {
  if (problems === 0 || saveState === 'conflict' || saveState === 'failed') return SAVE_LABELS[saveState];
  const marked = problems === 1 ? '1 marked field is' : `${problems} marked fields are`;
  return `${saveState === 'saved' ? 'Other changes saved' : SAVE_LABELS[saveState]}; ${marked} not saved`;
}

function StatusBar() {
  const review = useReview((state) => state.review);
  const saveState = useReview((state) => state.saveState);
  const problems = useReview((state) => state.problems.size);
  const error = useReview((state) => state.error);
  const returnToDraft = useReview((state) => state.returnToDraft);
  const publish = useReview((state) => state.publish);
  const revise = useReview((state) => state.revise);
  const engineer = useSettings((state) => state.settings?.engineerName ?? '');
  const [submitting, setSubmitting] = useState(false);
  const timeZone = useTimeZone();
  useEffect(() => {
    if (review?.status !== 'draft') setSubmitting(false);
  }, [review?.status]);
  if (!review) return null;
  const notApprover = review.status === 'inReview' && engineer ? approvalRefusal(review, engineer) : null;
  return (
    <div className="review-status">
      <span>
        {REVIEW_STATUS_LABELS[review.status]}, revision {review.revision}
      </span>
      {review.submittedBy && review.submittedAt ? (
        <span className="submission">
          Submitted by {review.submittedBy} {formatInZone(review.submittedAt, timeZone)}
          {review.approver ? `; approver ${review.approver}` : ''}
        </span>
      ) : null}
      <span role="status" aria-label="Save status">{saveLabel(saveState, problems)}</span>
      {review.status === 'draft' && !submitting ? <button type="button" onClick={() => setSubmitting(true)}>Submit for review</button> : null}
      {review.status === 'draft' && submitting ? <SubmitForm engineer={engineer} onCancel={() => setSubmitting(false)} /> : null}
      {review.status === 'inReview' ? (
        <>
          <button type="button" onClick={() => void returnToDraft()}>Back to draft</button>
          <button type="button" className="primary" disabled={notApprover !== null} aria-describedby={notApprover ? 'not-approver' : undefined} onClick={() => void publish()}>
            Approve and publish
          </button>
          {notApprover ? <span id="not-approver" className="muted">{notApprover}</span> : null}
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

/** The whole review with the export header, shown only while the browser prints it (see the print stylesheet). */
function PrintView({ title, includeInternalNotes }: { title: string; includeInternalNotes: boolean }) {
  const content = useReview((state) => state.content);
  const review = useReview((state) => state.review);
  const header = useReview((state) => state.view?.header);
  const timeZone = useTimeZone();
  const printed = useRef<HTMLDivElement>(null);
  const shown = Boolean(content && review && header);
  usePrintPath(printed, shown);
  if (!content || !review || !header) return null;
  return (
    <div className="print-only" ref={printed}>
      <h1>{title}</h1>
      <table className="print-header" aria-label="Review header">
        <tbody>
          {headerFacts(withReview(header, review)).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReviewDocument content={content} timeZone={timeZone} includeInternalNotes={includeInternalNotes} />
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
  const [printing, closePrintView] = usePrintView();
  const [includeInternalNotes, setIncludeInternalNotes] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Once the review is shown, the focus is on its heading (the view itself has it while it loads).
  useFocusOnChange(heading, view ? caseId : null, true);

  if (status === 'loading') return <p aria-busy="true">Loading the review…</p>;
  if (status === 'failed' || !view) return <p role="alert">The review could not be opened: {error?.message}</p>;

  return (
    <article className="review-panel" aria-label={`Post-incident review of ${caseId}`}>
      <header className="review-header">
        <h2 ref={heading} tabIndex={-1}>
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
          <ExportBar caseId={caseId} onPrinted={closePrintView} includeInternalNotes={includeInternalNotes} onIncludeInternalNotes={setIncludeInternalNotes} />
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
          {printing ? <PrintView title={`Post-incident review: ${view.header.caseId} ${view.header.title}`} includeInternalNotes={includeInternalNotes} /> : null}
        </>
      ) : (
        <StartReviewButton caseId={caseId} onStarted={() => void adoptStarted()} />
      )}
    </article>
  );
}

/** The post-incident review of one case: opened from the case, saved as the engineer types. */
export function ReviewPanel({ caseId }: { caseId: string }) {
  const { desk, settings } = useDeskStores();
  const [store] = useState(() => createReviewStore(desk, caseId, { actor: () => settings.getState().settings?.engineerName ?? '' }));
  useEffect(() => {
    if (settings.getState().status === 'idle') void settings.getState().load();
  }, [settings]);
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
