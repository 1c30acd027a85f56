import { useEffect, useState } from 'react';
import { CaseList } from './features/cases/CaseList';
import { NewCaseForm, type PlanOption } from './features/cases/NewCaseForm';
import { ReviewPanel } from './features/review';
import { useDeskStores } from './state';

const PLANS: readonly PlanOption[] = [
  { id: 'standard', name: 'Standard (8x5)' },
  { id: 'premium', name: 'Premium (24x7)' },
];

export function App() {
  const { cases } = useDeskStores();
  const [creating, setCreating] = useState(false);
  // "?review=RD-1001" opens that case's post-incident review
  const [reviewCaseId] = useState(() => new URLSearchParams(window.location.search).get('review'));

  useEffect(() => {
    void cases.getState().load();
  }, [cases]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Response Desk</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} title="New case (N)">
          New case
        </button>
      </header>
      <main className="content">
        {creating ? (
          <div className="dialog" role="dialog" aria-modal="true" aria-label="New case">
            <NewCaseForm plans={PLANS} onDone={() => setCreating(false)} />
          </div>
        ) : null}
        {reviewCaseId ? <ReviewPanel caseId={reviewCaseId} /> : <CaseList />}
      </main>
    </div>
  );
}
