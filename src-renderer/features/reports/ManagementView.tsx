import { useMemo } from 'react';
import { SEVERITIES, type CaseState, type Severity } from '../../../src-shared/domain';
import { isManagementVisible, type Policy } from '../../../src-shared/sla';
import { CLOCK_LABEL, LEVEL_LABEL, formatDateTime } from '../../../src-shared/words';
import { SeverityBadge } from '../../components/SeverityBadge';
import { caseViewOf, useCases, useDeskStores, useLoadedSettings, useNow, type CaseView } from '../../state';

/** The top bar's key for Management. */
export const MANAGEMENT_KEY = 'v';

const NOT_STATED = 'Business impact not stated';

/** Whether management should see this case under its plan's rule; false when the plan left the policy. */
export function managementSees(state: CaseState, policy: Policy): boolean {
  try {
    return isManagementVisible(state, policy);
  } catch {
    return false;
  }
}

/** The business impact stated with the latest severity that gave one. */
function businessImpactOf(state: CaseState): string {
  return [...state.severityHistory].reverse().find((change) => change.businessImpact)?.businessImpact ?? NOT_STATED;
}

/** The open cases management should see (each plan's management-visibility rule), by severity and business impact. */
export function ManagementView() {
  const { ui } = useDeskStores();
  const settings = useLoadedSettings();
  const byId = useCases((state) => state.byId);
  const nowMs = useNow();
  const views = useMemo(() => {
    const visible: CaseView[] = [];
    for (const record of byId) {
      const view = caseViewOf(record, settings.policy);
      if (view.state.status !== 'closed' && managementSees(view.state, settings.policy)) visible.push(view);
    }
    return visible.sort((a, b) => a.dueMs - b.dueMs || a.state.id.localeCompare(b.state.id));
  }, [byId, settings.policy]);
  // read against the console's shared now, like every countdown (a view's clocks are replayed once per record)
  const breachesOf = (view: CaseView) =>
    view.clocks.filter((clock) => (clock.breachedAt !== null && Date.parse(clock.breachedAt) <= nowMs) || (clock.endedAt === null && clock.dueAt !== null && Date.parse(clock.dueAt) < nowMs));
  const breached = views.filter((view) => breachesOf(view).length > 0).length;
  const bySeverity = new Map<Severity, CaseView[]>(SEVERITIES.map((severity) => [severity, views.filter((view) => view.state.severity === severity)]));

  return (
    <section className="management" aria-labelledby="management-heading">
      <h2 id="management-heading">Management</h2>
      <ul className="management-counts" aria-label="Counts">
        <li>{`${views.length} open ${views.length === 1 ? 'case' : 'cases'} visible to management`}</li>
        {SEVERITIES.map((severity) => (
          <li key={severity}>{`${severity}: ${bySeverity.get(severity)!.length}`}</li>
        ))}
        <li>{`With a breach: ${breached}`}</li>
      </ul>
      {views.length === 0 ? <p className="empty">No open case is visible to management.</p> : null}
      {SEVERITIES.filter((severity) => bySeverity.get(severity)!.length > 0).map((severity) => {
        const impacts = new Map<string, CaseView[]>();
        for (const view of bySeverity.get(severity)!) {
          const impact = businessImpactOf(view.state);
          impacts.set(impact, [...(impacts.get(impact) ?? []), view]);
        }
        return (
          <section key={severity} aria-labelledby={`management-${severity}`}>
            <h3 id={`management-${severity}`}>
              <SeverityBadge severity={severity} />
            </h3>
            {[...impacts.entries()].map(([impact, group]) => (
              <table key={impact} className="management-table" aria-label={`${severity}: ${impact}`}>
                <caption>{impact}</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Title</th>
                    <th scope="col">Customer</th>
                    <th scope="col">Escalation</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Next due</th>
                    <th scope="col">Breaches</th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((view) => {
                    const breaches = breachesOf(view);
                    return (
                      <tr key={view.state.id}>
                        <th scope="row">
                          <button type="button" className="link" onClick={() => ui.getState().openCase(view.state.id)}>
                            {view.state.id}
                          </button>
                        </th>
                        <td>{view.state.title}</td>
                        <td>{view.state.customer}</td>
                        <td>{view.state.escalationLevel ? LEVEL_LABEL[view.state.escalationLevel] : 'Not escalated'}</td>
                        <td>{view.state.owner ?? '—'}</td>
                        <td>{view.next?.dueAt ? `${CLOCK_LABEL[view.next.kind]} ${formatDateTime(view.next.dueAt)}` : '—'}</td>
                        <td>{breaches.length === 0 ? 'None' : breaches.map((clock) => CLOCK_LABEL[clock.kind]).join(', ')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ))}
          </section>
        );
      })}
    </section>
  );
}

/** The case panel's line: whether management sees this case. */
export function ManagementVisibility({ state }: { state: CaseState }) {
  const settings = useLoadedSettings();
  return <>{managementSees(state, settings.policy) ? 'Visible to management' : 'Not visible to management'}</>;
}
