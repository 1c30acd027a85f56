import { useEffect, useState } from 'react';
import { hostShowsDesktopNotifications } from './api';
import { CaseList } from './features/cases/CaseList';
import { NewCaseForm, type PlanOption } from './features/cases/NewCaseForm';
import { DataSection } from './features/data';
import { NotificationCenter, createNotificationsStore, webDesktopNotifications } from './features/notifications';
import { useDeskStores } from './state';

const PLANS: readonly PlanOption[] = [
  { id: 'standard', name: 'Standard (8x5)' },
  { id: 'premium', name: 'Premium (24x7)' },
];

export function App() {
  const { desk, cases } = useDeskStores();
  const [creating, setCreating] = useState(false);
  const [notifications] = useState(() => createNotificationsStore(desk));
  const [desktop] = useState(() => (hostShowsDesktopNotifications() ? undefined : webDesktopNotifications()));
  // Until the case view exists, opening a case names it in the address (#case/RD-1001).
  const openCase = (caseId: string) => {
    window.location.hash = `case/${caseId}`;
  };

  useEffect(() => {
    void cases.getState().load();
  }, [cases]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Response Desk</h1>
        <NotificationCenter desk={desk} store={notifications} desktop={desktop} onOpenCase={openCase} />
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
        <CaseList />
        <DataSection />
      </main>
    </div>
  );
}
