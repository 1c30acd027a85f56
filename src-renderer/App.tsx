import { useEffect, useRef, useState } from 'react';
import { SEVERITIES, SEVERITY_INFO, foldCase } from '../src-shared/domain';
import { hostShowsDesktopNotifications } from './api';
import { Dialog } from './components/Dialog';
import { useFocusOnChange } from './components/use-focus-on-change';
import { ActionDialog, specOf } from './features/actions';
import { ALL_CASES_KEY, AllCasesView } from './features/all-cases';
import { CaseDetail, CLOSE_DETAIL_KEY } from './features/case-detail';
import { ConnectionBanner, OFFLINE_REASON, OfflineGuard } from './features/connection';
import { TeamBanner } from './features/team';
import { ReviewDeadlinesView } from './features/case-review';
import { NewCaseForm } from './features/cases/NewCaseForm';
import { DataSection, StorageReport } from './features/data';
import { isShortcutEvent } from './features/find';
import { NotificationCenter, createNotificationsStore, webDesktopNotifications } from './features/notifications';
import { QUEUE_KEYS, QueuesView } from './features/queues';
import { MANAGEMENT_KEY, ManagementView, REPORTS_KEY, ReportsView } from './features/reports';
import { ReviewPanel } from './features/review';
import { SettingsView } from './features/settings';
import { HELP_KEY, ShortcutsDialog, type GlobalShortcut } from './features/shortcuts';
import { useCaseView, useCases, useConnection, useDeskStores, useSettings, useUi, type UiState, type View } from './state';

const NEW_CASE_KEY = 'n';
const VIEWS: ReadonlyArray<{ view: View; label: string; key: string }> = [
  { view: 'queues', label: 'Queues', key: 'q' },
  { view: 'deadlines', label: 'Deadlines', key: 'd' },
  { view: 'allCases', label: 'All cases', key: ALL_CASES_KEY },
  { view: 'reports', label: 'Reports', key: REPORTS_KEY },
  { view: 'management', label: 'Management', key: MANAGEMENT_KEY },
  { view: 'settings', label: 'Settings', key: ',' },
];

/** The keys that work anywhere: the key handler runs this table and the shortcuts dialog lists it. */
const GLOBAL_SHORTCUTS: readonly GlobalShortcut[] = [
  ...VIEWS.map((item) => ({ key: item.key, does: `Show ${item.label}`, run: (ui: UiState) => ui.showView(item.view) })),
  ...SEVERITIES.map((severity) => ({ key: QUEUE_KEYS[severity], does: `Show the ${SEVERITY_INFO[severity].label} queue`, run: (ui: UiState) => ui.showQueue(severity) })),
  { key: NEW_CASE_KEY, does: 'New case', run: (ui) => ui.openDialog({ kind: 'newCase' }) },
  { key: CLOSE_DETAIL_KEY, does: 'Close the case panel', run: (ui) => (ui.openCaseId ? ui.openCase(null) : false) },
  { key: HELP_KEY, does: 'List the keyboard shortcuts', run: (ui) => ui.openDialog({ kind: 'shortcuts' }) },
];

function useGlobalKeys() {
  const { ui } = useDeskStores();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || ui.getState().dialog) return;
      const shortcut = GLOBAL_SHORTCUTS.find((candidate) => candidate.key === event.key);
      if (!shortcut || shortcut.run(ui.getState()) === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui]);
}

function OpenDialog() {
  const { ui } = useDeskStores();
  const dialog = useUi((state) => state.dialog);
  const plans = useSettings((state) => state.settings?.policy.plans ?? []);
  const actionCase = useCaseView(dialog?.kind === 'action' ? dialog.caseId : null);
  const close = () => ui.getState().openDialog(null);
  if (dialog?.kind === 'newCase') {
    return (
      <Dialog label="New case" onClose={close}>
        <NewCaseForm
          plans={plans}
          onDone={(created) => {
            close();
            if (created) {
              ui.getState().showQueue(foldCase(created).severity);
              ui.getState().openCase(created.id);
            }
          }}
        />
      </Dialog>
    );
  }
  if (dialog?.kind === 'shortcuts') return <ShortcutsDialog global={GLOBAL_SHORTCUTS} onClose={close} />;
  if (dialog?.kind === 'action' && actionCase) return <ActionDialog spec={specOf(dialog.action)} state={actionCase.state} onDone={close} />;
  return null;
}

const REVIEW_PARAM = 'review';

/** "?review=RD-1001" opens that case's post-incident review, and the address follows the open review. */
function useReviewDeepLink() {
  const { ui } = useDeskStores();
  const reviewCaseId = useUi((state) => state.reviewCaseId);
  useEffect(() => {
    const linked = new URLSearchParams(window.location.search).get(REVIEW_PARAM);
    if (linked) ui.getState().openReview(linked);
  }, [ui]);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get(REVIEW_PARAM) === reviewCaseId) return;
    if (reviewCaseId) url.searchParams.set(REVIEW_PARAM, reviewCaseId);
    else url.searchParams.delete(REVIEW_PARAM);
    window.history.replaceState(window.history.state, '', url);
  }, [reviewCaseId]);
  return reviewCaseId;
}

function OpenReview({ caseId }: { caseId: string }) {
  const { ui } = useDeskStores();
  return (
    <>
      <button type="button" className="back" onClick={() => ui.getState().showView('queues')}>
        Back to queues
      </button>
      <OfflineGuard>
        <ReviewPanel key={caseId} caseId={caseId} />
      </OfflineGuard>
    </>
  );
}

export function App() {
  const { desk, cases, settings, ui, reviews, connection } = useDeskStores();
  const reviewCaseId = useReviewDeepLink();
  const [notifications] = useState(() => createNotificationsStore(desk));
  // The stores in createDeskStores reload themselves after a reconnection; this one lives here.
  useEffect(() => connection.getState().onReconnected(() => void notifications.getState().load()), [connection, notifications]);
  // In Electron the main process shows native notifications; the page uses the Web API only in the browser host.
  const [desktop] = useState(() => (hostShowsDesktopNotifications() ? undefined : webDesktopNotifications()));
  const openCase = (caseId: string) => {
    const known = cases.getState().byId.get(caseId);
    if (known) ui.getState().showQueue(foldCase(known).severity);
    ui.getState().openCase(caseId);
  };
  const view = useUi((state) => state.view);
  const openCaseId = useUi((state) => state.openCaseId);
  const casesStatus = useCases((state) => state.status);
  const casesError = useCases((state) => state.error);
  const settingsStatus = useSettings((state) => state.status);
  const settingsError = useSettings((state) => state.error);
  const online = useConnection((state) => state.online);
  useGlobalKeys();
  const main = useRef<HTMLElement>(null);
  useFocusOnChange(main, `${view} ${reviewCaseId ?? ''}`);

  useEffect(() => {
    void settings.getState().load();
    void cases.getState().load();
    void reviews.getState().load();
  }, [cases, settings, reviews]);

  let body;
  if (settingsStatus === 'failed') body = <p role="alert">Settings could not be loaded: {settingsError?.message}</p>;
  else if (casesStatus === 'failed') body = <p role="alert">Cases could not be loaded: {casesError?.message}</p>;
  // A review brings its own case with it (reviews.get): it is asked for beside the cases, not after them.
  else if (reviewCaseId && settingsStatus === 'ready') body = <OpenReview caseId={reviewCaseId} />;
  else if (settingsStatus !== 'ready' || casesStatus !== 'ready') body = <p aria-busy="true">Loading cases…</p>;
  else if (view === 'deadlines') body = <ReviewDeadlinesView />;
  else if (view === 'allCases') body = <AllCasesView />;
  else if (view === 'reports') body = <ReportsView />;
  else if (view === 'management') body = <ManagementView />;
  else if (view === 'settings') {
    body = (
      <OfflineGuard>
        <SettingsView />
        <DataSection />
      </OfflineGuard>
    );
  }
  else body = <QueuesView />;
  const ready = settingsStatus === 'ready' && casesStatus === 'ready';

  return (
    <div className="app">
      <header className="topbar">
        <h1>Response Desk</h1>
        <nav aria-label="Views" className="views">
          {VIEWS.map((item) => (
            <button
              key={item.view}
              type="button"
              aria-current={view === item.view ? 'page' : undefined}
              title={`${item.label} (${item.key})`}
              aria-keyshortcuts={item.key}
              onClick={() => ui.getState().showView(item.view)}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <NotificationCenter desk={desk} store={notifications} desktop={desktop} onOpenCase={openCase} />
        <button
          type="button"
          className="primary"
          disabled={!ready || !online}
          onClick={() => ui.getState().openDialog({ kind: 'newCase' })}
          title={online ? `New case (${NEW_CASE_KEY.toUpperCase()})` : OFFLINE_REASON}
          aria-keyshortcuts={NEW_CASE_KEY.toUpperCase()}
        >
          New case
        </button>
      </header>
      <ConnectionBanner />
      <TeamBanner />
      <div className="workspace">
        <main className="content" ref={main} tabIndex={-1}>
          <OfflineGuard>
            <StorageReport />
          </OfflineGuard>
          {body}
        </main>
        {ready && openCaseId ? <CaseDetail caseId={openCaseId} /> : null}
      </div>
      {ready ? <OpenDialog /> : null}
    </div>
  );
}
