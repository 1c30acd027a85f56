import { render } from '@testing-library/react';
import { App } from '../../src-renderer/App';
import type { DeskConnection } from '../../src-renderer/api';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import type { CaseEvent, CaseRecord, Severity } from '../../src-shared/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings';
import { createFakeDesk } from './fake-desk';

/** Thursday 26 Nov 2026, 10:00 UTC: the tests' "now", held still (no timer runs). */
export const NOW = '2026-11-26T10:00:00.000Z';

type Handlers = Parameters<typeof createFakeDesk>[0];

/** The console against a fake core answering `cases.list` with `cases` and `settings.get` with `settings`. */
export function renderApp(options: { cases?: CaseRecord[]; settings?: Settings; handlers?: Handlers; now?: string; connection?: DeskConnection } = {}) {
  const fake = createFakeDesk({
    'cases.list': () => ({ ok: true, value: options.cases ?? [] }),
    'settings.get': () => ({ ok: true, value: options.settings ?? DEFAULT_SETTINGS }),
    ...options.handlers,
  });
  const desk = options.connection ? { ...fake.desk, connection: options.connection } : fake.desk;
  const stores = createDeskStores(desk, createNowStore(Date.parse(options.now ?? NOW)));
  render(
    <DeskProvider stores={stores}>
      <App />
    </DeskProvider>,
  );
  return { fake, stores };
}

interface CaseSpec {
  id: string;
  title?: string;
  customer?: string;
  plan?: string;
  severity?: Severity;
  owner?: string;
  loggedAt?: string;
}

/** A logged case, optionally followed by more events (`then`), numbered in order. */
export function caseRecord(spec: CaseSpec, then: Array<{ type: CaseEvent['type']; at: string; data: unknown; actor?: string }> = []): CaseRecord {
  const at = spec.loggedAt ?? '2026-11-26T09:00:00.000Z';
  const logged = {
    id: `${spec.id}#1`,
    seq: 1,
    at,
    recordedAt: at,
    actor: spec.owner ?? 'Engineer',
    type: 'logged' as const,
    data: {
      title: spec.title ?? `Case ${spec.id}`,
      customer: spec.customer ?? 'Acme',
      plan: spec.plan ?? 'standard',
      severity: spec.severity ?? 'P3',
      severityDefaulted: false,
      description: '',
      reportedBy: '',
      owner: spec.owner ?? 'Engineer',
    },
  };
  const more = then.map((event, i) => ({ id: `${spec.id}#${i + 2}`, seq: i + 2, recordedAt: event.at, actor: event.actor ?? 'Engineer', ...event }) as CaseEvent);
  return { id: spec.id, events: [logged, ...more] };
}

/** What a screen reader reads: the text without the decorative (aria-hidden) symbols. */
export function spokenText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return clone.textContent ?? '';
}
