import { useCallback, useEffect, useState } from 'react';
import type { DeskError, TeamView } from '../../../src-shared/contract';
import { useDeskStores } from '../../state';

/** Team mode as main reports it: asked once, then kept current by `team.changed`; `retry` asks again after a failure. */
export function useTeam(): { view: TeamView | null; error: DeskError | null; set(view: TeamView): void; retry(): void } {
  const { desk } = useDeskStores();
  const [view, setView] = useState<TeamView | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    // A pushed change is newer than an answer still on its way.
    let pushed = false;
    void desk.api['team.status']({}).then((result) => {
      if (!live || pushed) return;
      if (result.ok) {
        setView(result.value);
        setError(null);
      } else setError(result.error);
    });
    const off = desk.events.on('team.changed', (next) => {
      pushed = true;
      setView(next);
      setError(null);
    });
    return () => {
      live = false;
      off();
    };
  }, [desk, asked]);
  const retry = useCallback(() => {
    setError(null);
    setAsked((n) => n + 1);
  }, []);
  return { view, error, set: setView, retry };
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The banner's sentence, or null when there is nothing to say. */
export function teamBannerText(view: TeamView): string | null {
  if (view.connection === 'offline') return `Team server unreachable, working offline: ${count(view.pending, 'change')} waiting.`;
  return null;
}
