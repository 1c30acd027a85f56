import { z } from 'zod';
import { request } from './define';

/** A data file that could not be read: kept aside (never overwritten) and reported, at start-up or found later. */
export const storageProblemSchema = z.object({
  file: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  latestBackup: z.string().optional(),
  /** What the console is missing while this file is unreadable, in words ("the review of RD-1002"). */
  affects: z.string().optional(),
  /** Found while the console ran (a file read for the first time), not when it started. */
  foundWhileRunning: z.boolean().optional(),
  /** Nothing is missing: the file was made again from the data it summarizes ("rebuilt from the 3 history files"). */
  repaired: z.string().optional(),
});
export type StorageProblem = z.infer<typeof storageProblemSchema>;

export const storageReportSchema = z.object({
  corrupt: z.array(storageProblemSchema),
  migrated: z.array(z.string()),
  restored: z.array(z.string()).optional(),
});

export interface SystemInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  readonly dataDir: string;
  /** Problems with the data: corrupt files moved aside (at start-up or since), migrations, restores. */
  readonly storage: {
    readonly corrupt: readonly StorageProblem[];
    readonly migrated: readonly string[];
    readonly restored?: readonly string[];
  };
}

export const systemRequests = {
  'system.info': request(z.object({}).strict(), 'Version, host, data directory, and what is wrong with the data right now.').returns<SystemInfo>(),
};

export const systemEvents = {
  /** Damage found while the console runs: the sentence to show, and the whole storage report as `system.info` now gives it. */
  'storage.changed': z.object({ message: z.string(), storage: storageReportSchema }),
};
