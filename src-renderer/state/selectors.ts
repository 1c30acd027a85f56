import { useMemo } from 'react';
import type { Settings } from '../../src-shared/settings';
import { caseViewOf, type CaseView } from './case-view';
import { useCases, useSettings, useUi } from './desk-context';
import { filteredQueuesOf, queuesOf, type Queues } from './queues';

/** Every open case by queue, before filters; null until the settings are loaded. */
export function useQueues(): Queues | null {
  const byId = useCases((state) => state.byId);
  const policy = useSettings((state) => state.settings?.policy);
  return useMemo(() => (policy ? queuesOf(byId, policy) : null), [byId, policy]);
}

/** The queues as filtered on screen; null until the settings (and so the policy) are loaded. */
export function useFilteredQueues(): Queues | null {
  const byId = useCases((state) => state.byId);
  const settings = useSettings((state) => state.settings);
  const filters = useUi((state) => state.filters);
  return useMemo(() => (settings ? filteredQueuesOf(queuesOf(byId, settings.policy), filters, settings.engineerName) : null), [byId, settings, filters]);
}

/** One case's view, recomputed only when that case's record changes. */
export function useCaseView(id: string | null): CaseView | null {
  const record = useCases((state) => (id ? state.byId[id] : undefined));
  const policy = useSettings((state) => state.settings?.policy);
  return record && policy ? caseViewOf(record, policy) : null;
}

export function useLoadedSettings(): Settings {
  const settings = useSettings((state) => state.settings);
  if (!settings) throw new Error('settings are read before they are loaded');
  return settings;
}
