import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { reviewSchema, type Review } from '../../../src-shared/review';
import { latestBackupOf, openDocument, setAside, type CorruptFile } from '../storage';

/** Where reviews are kept: one document per case. `save` resolves once the review is durable. */
export interface ReviewStore {
  load(caseId: string): Promise<Review | undefined>;
  save(review: Review): Promise<void>;
  /** Every case that has a review. */
  caseIds(): Promise<string[]>;
  /** The reviews folder was replaced (an import): drop what is held from the old files. */
  forget(): void;
}

export const REVIEW_FILE_VERSION = 1;
const reviewFileSchema = z.object({ schemaVersion: z.literal(REVIEW_FILE_VERSION), review: reviewSchema });
type ReviewFile = z.infer<typeof reviewFileSchema>;
const FILE_NAME = /^([A-Z]+-\d+)\.json$/;

export interface FileReviewStoreOptions {
  /** <dataDir>/reviews */
  readonly dir: string;
  readonly now: () => number;
  /** A review file that could not be read is moved aside, never overwritten, and reported here. */
  readonly onCorrupt?: (file: CorruptFile) => void;
}

/**
 * Reviews on disk: reviews/<caseId>.json, each a versioned lowdb document written atomically
 * and durably (temp file, fsync, rename, fsync of the directory).
 */
export function createFileReviewStore(options: FileReviewStoreOptions): ReviewStore {
  const open = new Map<string, Low<ReviewFile>>();
  let dirReady: Promise<unknown> | undefined;
  const spec = (caseId: string, empty?: () => ReviewFile) => ({
    path: join(options.dir, `${caseId}.json`),
    schema: reviewFileSchema,
    version: REVIEW_FILE_VERSION,
    migrations: [],
    now: options.now,
    latestBackup: (file: string) => latestBackupOf(dirname(options.dir), file),
    ...(empty ? { empty } : {}),
  });
  /** A file holds the review of the case it is named after; another case's review is damage, kept aside. */
  const setAsideMismatch = async (caseId: string, holds: string): Promise<void> => {
    const set = await setAside(join(options.dir, `${caseId}.json`), `holds the review of ${holds}, not ${caseId}`, { now: options.now(), latestBackup: (file) => latestBackupOf(dirname(options.dir), file) });
    options.onCorrupt?.(set);
  };

  return {
    async load(caseId) {
      const cached = open.get(caseId);
      if (cached) return cached.data.review;
      const opened = await openDocument<ReviewFile>(spec(caseId));
      if (opened.corrupt) options.onCorrupt?.(opened.corrupt);
      if (!opened.db) return undefined;
      if (opened.db.data.review.caseId !== caseId) {
        await setAsideMismatch(caseId, opened.db.data.review.caseId);
        return undefined;
      }
      open.set(caseId, opened.db);
      return opened.db.data.review;
    },
    async save(review) {
      dirReady ??= mkdir(options.dir, { recursive: true });
      await dirReady;
      let db = open.get(review.caseId);
      if (!db) {
        const opened = await openDocument<ReviewFile>(spec(review.caseId, () => ({ schemaVersion: REVIEW_FILE_VERSION, review })));
        if (opened.corrupt) options.onCorrupt?.(opened.corrupt);
        if (opened.db!.data.review.caseId !== review.caseId) await setAsideMismatch(review.caseId, opened.db!.data.review.caseId);
        db = opened.db!;
        open.set(review.caseId, db);
      }
      db.data = { schemaVersion: REVIEW_FILE_VERSION, review };
      await db.write();
    },
    forget() {
      open.clear();
      dirReady = undefined;
    },
    async caseIds() {
      try {
        return (await readdir(options.dir)).flatMap((name) => FILE_NAME.exec(name)?.[1] ?? []).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}
