import type { DeskNotification } from '../../../src-shared/contract';
import type { Severity } from '../../../src-shared/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/settings';
import { createCore, type CoreDeps } from '../../../src-main/core/core';
import type { CaseStore, DocumentPort } from '../../../src-main/core/ports';
import { emptyRuntimeState, type RuntimeState } from '../../../src-main/core/runtime';
import { createManualClock, type ManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';

export const T0 = '2026-11-26T10:00:00.000Z';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface BootOptions {
  readonly clock?: ManualClock;
  readonly store?: CaseStore;
  readonly stateFile?: DocumentPort<RuntimeState>;
  readonly settings?: Settings;
  readonly extra?: Partial<CoreDeps>;
}

/** A core on a manual clock and the memory store; `shown` is what the desktop notifier was asked to show. */
export async function boot(options: BootOptions = {}) {
  const clock = options.clock ?? createManualClock(T0);
  const store = options.store ?? createMemoryCaseStore();
  const stateFile = options.stateFile ?? createMemoryDocument(emptyRuntimeState());
  const shown: DeskNotification[] = [];
  const warnings: string[] = [];
  const core = await createCore({
    host: 'browser',
    version: 't',
    dataDir: '/tmp',
    clock,
    store,
    settingsFile: createMemoryDocument(options.settings ?? { ...DEFAULT_SETTINGS, engineerName: 'Ana' }),
    runtimeStateFile: stateFile,
    notifier: { notify: (n) => shown.push(n) },
    log: { warn: (message) => warnings.push(message), error: (message) => warnings.push(message) },
    ...options.extra,
  });
  await core.runtime.idle();
  /** Moves time forward (timers fire) and waits for the runtime to finish what fell due. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await core.runtime.idle();
  };
  const logCase = async (plan: 'premium' | 'standard', severity: Severity, title = `${plan} ${severity} case`) => {
    const record = await core.handlers['cases.create']({ title, customer: 'Acme', plan, severity, description: '', reportedBy: '' });
    await core.runtime.idle();
    return record.id;
  };
  const kinds = () => shown.map((n) => `${n.caseId}:${n.kind}`);
  return { core, clock, store, stateFile, shown, warnings, advance, logCase, kinds };
}

export const acknowledge = {
  type: 'acknowledge',
  checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true },
  response: 'We are on it.',
  nextSteps: 'Collect the logs.',
} as const;

export const update = (text = 'Progress.') => ({ type: 'postUpdate', channel: 'portal', text }) as const;
