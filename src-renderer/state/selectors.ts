import type { Settings } from '../../src-shared/settings';
import { caseViewOf, type CaseView } from './case-view';
import { useCases, useQueuesState, useSettings } from './desk-context';
import type { Queues } from './sorted-queue';

/** Every open case by queue, before filters; null until the settings are loaded. */
export function useQueues(): Queues | null {
  return useQueuesState((state) => state.all);
}

/** The queues as filtered on screen; null until the settings (and so the policy) are loaded. */
export function useFilteredQueues(): Queues | null {
  return useQueuesState((state) => state.shown);
}

/** One case's view, recomputed only when that case's record changes. */
export function useCaseView(id: string | null): CaseView | null {
  const record = useCases((state) => (id ? state.byId.get(id) : undefined));
  const policy = useSettings((state) => state.settings?.policy);
  return record && policy ? caseViewOf(record, policy) : null;
}

export function useLoadedSettings(): Settings {
  const settings = useSettings((state) => state.settings);
  if (!settings) throw new Error('settings are read before they are loaded');
  return settings;
}
