import { z } from 'zod';
import { isoInstantSchema } from '../../../src-shared/domain';

/**
 * The little the runtime must remember across restarts: which reminders were already
 * notified (and when), and which cases are snoozed. Everything else is derived from the cases.
 */
export const RUNTIME_STATE_VERSION = 1;
export const runtimeStateSchema = z.object({
  schemaVersion: z.literal(RUNTIME_STATE_VERSION),
  /** Notification fact -> when it was last notified. */
  notified: z.record(z.string(), isoInstantSchema),
  /** Case id -> end of its snooze. */
  snoozes: z.record(z.string(), isoInstantSchema),
});
export type RuntimeState = z.infer<typeof runtimeStateSchema>;

export const emptyRuntimeState = (): RuntimeState => ({ schemaVersion: RUNTIME_STATE_VERSION, notified: {}, snoozes: {} });

/** Where no file is given (tests, a host without disk): the state lives as long as the process. */
export function volatileRuntimeState(): { load(): Promise<RuntimeState>; save(next: RuntimeState): Promise<void> } {
  let current = emptyRuntimeState();
  return {
    load: async () => structuredClone(current),
    save: async (next) => {
      current = structuredClone(next);
    },
  };
}
