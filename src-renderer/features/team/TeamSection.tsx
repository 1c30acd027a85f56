import { useState, type FormEvent } from 'react';
import { useDeskStores } from '../../state';
import { useTeam } from './use-team';

const CONNECTION_WORDS = { off: 'Not in a team: this console works alone.', connecting: 'Connecting to the team server…', online: 'Connected.', offline: 'Team server unreachable, working offline.' } as const;

/**
 * Settings, "Team": join a team database, see the connection, leave. The address goes to main
 * and is kept there; the page only ever gets back host, port and database.
 */
export function TeamSection() {
  const { desk } = useDeskStores();
  const team = useTeam();
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const view = team.view;

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await desk.api['team.join']({ url, email });
    setBusy(false);
    if (result.ok) {
      setUrl('');
      setProblem(null);
      team.set(result.value);
    } else setProblem(result.error.message);
  }

  async function leave() {
    setBusy(true);
    const result = await desk.api['team.leave']({});
    setBusy(false);
    if (result.ok) team.set(result.value);
    else setProblem(result.error.message);
  }

  return (
    <section className="settings settings-section team-section" aria-labelledby="settings-team-heading">
      <h3 id="settings-team-heading">Team</h3>
      {!view && team.error ? (
        <div role="alert" className="form-error">
          <p>{`The console could not tell whether it is in a team: ${team.error.message}`}</p>
          <button type="button" onClick={team.retry}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">{view ? CONNECTION_WORDS[view.connection] : 'Asking…'}</p>
      )}
      {view && view.connection !== 'off' ? (
        <>
          <dl className="team-facts">
            <dt>Server</dt>
            <dd>{view.server}</dd>
            {view.prefix ? (
              <>
                <dt>Case keys</dt>
                <dd>{`${view.prefix}-…`}</dd>
              </>
            ) : null}
            <dt>Changes waiting</dt>
            <dd>{view.pending}</dd>
            <dt>Members</dt>
            <dd>{view.members.length > 0 ? view.members.map((member) => (member.email ? `${member.name} <${member.email}>` : member.name)).join(', ') : '—'}</dd>
          </dl>
          {view.problem && view.connection === 'offline' ? <p className="settings-hint">{`Why: ${view.problem}`}</p> : null}
          {view.settingsProblem ? (
            <p className="field-error" role="status">
              {view.settingsProblem}
            </p>
          ) : null}
          {view.source === 'settings' ? (
            <button type="button" disabled={busy} onClick={() => void leave()}>
              Leave team
            </button>
          ) : (
            <p className="settings-hint">Joined at launch ({view.source === 'flag' ? '--team' : 'RESPONSE_DESK_TEAM_DB'}).</p>
          )}
        </>
      ) : !view && team.error ? null : (
        <form onSubmit={(event) => void join(event)} aria-labelledby="settings-team-heading">
          <label>
            Team database address
            <input type="password" autoComplete="off" spellCheck={false} placeholder="postgres://user:password@host:5432/database" value={url} onChange={(event) => setUrl(event.target.value)} />
          </label>
          <label>
            Your email
            <input type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || url.trim() === ''}>
            Join team
          </button>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <p className="settings-hint">Cases, their events and your name are shared with the team; your notification preferences stay on this console. See docs/team.md.</p>
        </form>
      )}
    </section>
  );
}
