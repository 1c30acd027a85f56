import { ManagementVisibility } from '../reports';
import { useLayoutEffect, useRef } from 'react';
import { SEVERITY_INFO } from '../../../src-shared/domain';
import { SOURCE_LABEL } from '../../../src-shared/import';
import { planNamesOf } from '../../../src-shared/words';
import { LEVEL_LABEL, STATUS_LABEL } from '../../components/labels';
import { SeverityBadge } from '../../components/SeverityBadge';
import { focusTheView } from '../../components/focus-return';
import { useFocusOnChange } from '../../components/use-focus-on-change';
import { useCaseView, useDeskStores, useLoadedSettings } from '../../state';
import { ActionBar } from '../actions';
import { CustomerLink, useCaseLoaded } from '../all-cases';
import { CaseReviewSection } from '../case-review';
import { OfflineGuard } from '../connection';
import { ClockTable } from './ClockTable';
import { Timeline } from './Timeline';

export const CLOSE_DETAIL_KEY = 'Escape';

/** Closing the panel while the focus is in it (Escape, Close panel) puts the focus back on the list's cursor row. */
function useReturnFocusOnClose() {
  // A layout effect: its cleanup runs before the panel leaves the page, while the focus is still in it.
  useLayoutEffect(
    () => () => {
      if (document.activeElement?.closest('aside.detail')) queueMicrotask(focusTheView);
    },
    [],
  );
}

/** The open case: header, every clock, the actions, and the whole timeline. */
export function CaseDetail({ caseId }: { caseId: string }) {
  const { ui } = useDeskStores();
  const view = useCaseView(caseId);
  const plans = useLoadedSettings().policy.plans;
  const problem = useCaseLoaded(caseId, view !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, view ? caseId : null, true);
  useReturnFocusOnClose();
  if (!view) {
    return (
      <aside className="detail" aria-label={`Case ${caseId}`}>
        {problem ? (
          <p className="form-error" role="alert">
            Case {caseId} could not be opened: {problem.message}
          </p>
        ) : (
          <p className="empty" aria-busy="true">
            Loading case {caseId}…
          </p>
        )}
      </aside>
    );
  }
  const s = view.state;
  const plan = planNamesOf(plans)(s.plan);
  return (
    <aside className="detail" aria-labelledby="detail-heading">
      <header className="detail-head">
        <h2 id="detail-heading" ref={heading} tabIndex={-1}>
          <span className="case-id">{s.id}</span> {s.title}
        </h2>
        <button type="button" title={`Close the case panel (${CLOSE_DETAIL_KEY})`} aria-keyshortcuts={CLOSE_DETAIL_KEY} onClick={() => ui.getState().openCase(null)}>
          Close panel
        </button>
      </header>
      <dl className="facts">
        <div>
          <dt>Severity</dt>
          <dd title={SEVERITY_INFO[s.severity].definition}>
            <SeverityBadge severity={s.severity} />
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>
            <CustomerLink customer={s.customer} />
          </dd>
        </div>
        <div>
          <dt>Plan</dt>
          <dd>{plan}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABEL[s.status]}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{s.owner ?? 'Nobody'}</dd>
        </div>
        <div>
          <dt>Escalation</dt>
          <dd>{s.cycleEscalationLevel ? LEVEL_LABEL[s.cycleEscalationLevel] : s.escalationLevel ? `${LEVEL_LABEL[s.escalationLevel]} (earlier cycle)` : 'Not escalated'}</dd>
        </div>
        {s.origin ? (
          <div>
            <dt>Imported from</dt>
            <dd>
              {SOURCE_LABEL[s.origin.source]} {s.origin.externalId}
              {s.origin.desk ? ` (${s.origin.desk})` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Management</dt>
          <dd>
            <ManagementVisibility state={s} />
          </dd>
        </div>
      </dl>
      {view.problem ? (
        <p className="form-error" role="alert">
          {view.problem}
        </p>
      ) : null}
      <ClockTable key={s.id} clocks={view.clocks} escalations={s.escalations} />
      <OfflineGuard>
        <ActionBar state={s} />
        <CaseReviewSection state={s} />
      </OfflineGuard>
      <Timeline record={view.record} />
    </aside>
  );
}
