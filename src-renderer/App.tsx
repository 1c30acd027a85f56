import { useEffect, useState } from 'react';
import { CaseList } from './features/cases/CaseList';
import { NewCaseForm, type PlanOption } from './features/cases/NewCaseForm';
import { SettingsView } from './features/settings';
import { useDeskStores } from './state';

const PLANS: readonly PlanOption[] = [
  { id: 'standard', name: 'Standard (8x5)' },
  { id: 'premium', name: 'Premium (24x7)' },
];

export function App() {
  const { cases } = useDeskStores();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<'cases' | 'settings'>('cases');

  useEffect(() => {
    void cases.getState().load();
  }, [cases]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Response Desk</h1>
        <nav aria-label="Main">
          <button type="button" aria-pressed={view === 'cases'} onClick={() => setView('cases')}>
            Cases
          </button>
          <button type="button" aria-pressed={view === 'settings'} onClick={() => setView('settings')}>
            Settings
          </button>
        </nav>
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
        {view === 'cases' ? <CaseList /> : <SettingsView />}
      </main>
    </div>
  );
}
