import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { reviewSchema, type Review } from '../../../src-shared/review';
import { KeyedQueue } from '../keyed-queue';
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
  /** How many reviews are held in memory, the most recently used (default REVIEWS_HELD). */
  readonly held?: number;
}

/** Reviews held by default: the ones being edited and their neighbours, not every review read. */
export const REVIEWS_HELD = 32;

/**
 * Reviews on disk: reviews/<caseId>.json, each a versioned lowdb document written atomically
 * and durably (temp file, fsync, rename, fsync of the directory). The most recently used
 * reviews are held in memory (at most `held`); one dropped is read again from its file.
 * The steps on one case run one after another, so a review is never dropped while it is being
 * written, nor read in two copies.
 */
export function createFileReviewStore(options: FileReviewStoreOptions): ReviewStore {
  const limit = options.held ?? REVIEWS_HELD;
  /** Least recently used first. */
  const held = new Map<string, Low<ReviewFile>>();
  const steps = new KeyedQueue();
  /** Counts forget(): a file read before it is not held after it. */
  let generation = 0;
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
  const hold = (caseId: string, db: Low<ReviewFile>): void => {
    held.delete(caseId);
    held.set(caseId, db);
    for (const oldest of held.keys()) {
      if (held.size <= limit) break;
      held.delete(oldest);
    }
  };
  /** A file holds the review of the case it is named after; another case's review is damage, kept aside. */
  const setAsideMismatch = async (caseId: string, holds: string): Promise<void> => {
    const set = await setAside(join(options.dir, `${caseId}.json`), `holds the review of ${holds}, not ${caseId}`, { now: options.now(), latestBackup: (file) => latestBackupOf(dirname(options.dir), file) });
    options.onCorrupt?.(set);
  };
  /** The case's document, held or read; `review` makes one where there is none to read. */
  const documentOf = async (caseId: string, review?: Review): Promise<Low<ReviewFile> | undefined> => {
    const found = held.get(caseId);
    if (found) {
      hold(caseId, found);
      return found;
    }
    const readIn = generation;
    const opened = await openDocument<ReviewFile>(spec(caseId, review ? () => ({ schemaVersion: REVIEW_FILE_VERSION, review }) : undefined));
    if (opened.corrupt) options.onCorrupt?.(opened.corrupt);
    if (!opened.db) return undefined;
    const holds = opened.db.data.review.caseId;
    if (holds !== caseId) {
      await setAsideMismatch(caseId, holds);
      if (!review) return undefined;
    }
    if (readIn === generation) hold(caseId, opened.db);
    return opened.db;
  };

  return {
    load(caseId) {
      return steps.run(caseId, async () => (await documentOf(caseId))?.data.review);
    },
    save(review) {
      return steps.run(review.caseId, async () => {
        dirReady ??= mkdir(options.dir, { recursive: true });
        await dirReady;
        const db = (await documentOf(review.caseId, review))!;
        db.data = { schemaVersion: REVIEW_FILE_VERSION, review };
        try {
          await db.write();
        } catch (error) {
          // Not written: the file still holds what it held, and is read again next time.
          if (held.get(review.caseId) === db) held.delete(review.caseId);
          throw error;
        }
      });
    },
    forget() {
      generation++;
      held.clear();
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
