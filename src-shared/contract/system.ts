import { z } from 'zod';
import { request } from './define';

export interface SystemInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  readonly dataDir: string;
  /** Problems found when the data was opened (corrupt files moved aside, migrations). */
  readonly storage: {
    readonly corrupt: ReadonlyArray<{ file: string; movedTo: string; reason: string; latestBackup?: string }>;
    readonly migrated: readonly string[];
    readonly restored?: readonly string[];
  };
}

export const systemRequests = {
  'system.info': request(z.object({}).strict(), 'Version, host and data directory.').returns<SystemInfo>(),
};
