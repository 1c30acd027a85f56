import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { reviewDigestOf, reviewSchema, type Review, type ReviewDigest } from '../../../src-shared/review';
import { KeyedQueue } from '../keyed-queue';
import { latestBackupOf, openDocument, setAside, type CorruptFile } from '../storage';

/** Where reviews are kept: one document per case. `save` resolves once the review is durable. */
export interface ReviewStore {
  load(caseId: string): Promise<Review | undefined>;
  save(review: Review): Promise<void>;
  /** Every case that has a review. */
  caseIds(): Promise<string[]>;
  /**
   * The digest of every review that can be read, by case id (a copy: later saves do not change
   * it). What the deadlines, the action items and the reports need, without each review's file.
   */
  digests(): Promise<Map<string, ReviewDigest>>;
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
 *
 * The digest of every review (ReviewDigest, a few hundred bytes each) is kept in memory: built
 * the first time it is asked for by reading every file once, then kept by each save, and built
 * again after forget() (an import replaced the folder). Reviews reach the folder only through
 * save (team sync included) or while the console is stopped or replacing its data, so it
 * always matches the files.
 */
export function createFileReviewStore(options: FileReviewStoreOptions): ReviewStore {
  const limit = options.held ?? REVIEWS_HELD;
  /** Least recently used first. */
  const held = new Map<string, Low<ReviewFile>>();
  const steps = new KeyedQueue();
  /** Counts forget(): a file read before it is not held after it. */
  let generation = 0;
  let dirReady: Promise<unknown> | undefined;
  /** The digests being built (or built) for this generation; saves keep them current. */
  let digests: { map: Map<string, ReviewDigest>; built: Promise<void> } | undefined;
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
  /** The case's document, held or read; `review` makes one where there is none to read; `keep` false reads without holding it. */
  const documentOf = async (caseId: string, review?: Review, keep = true): Promise<Low<ReviewFile> | undefined> => {
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
    if (readIn === generation && keep) hold(caseId, opened.db);
    return opened.db;
  };

  /** Reads every review not yet in `map` (one saved meanwhile is there already, newer). */
  const buildDigests = async (map: Map<string, ReviewDigest>): Promise<void> => {
    for (const caseId of await caseIdsOf()) {
      await steps.run(caseId, async () => {
        if (map.has(caseId)) return;
        // read past the held ones: the reviews being edited stay held
        const review = (held.get(caseId) ?? (await documentOf(caseId, undefined, false)))?.data.review;
        if (review) map.set(caseId, reviewDigestOf(review));
      });
    }
  };
  const caseIdsOf = async (): Promise<string[]> => {
    try {
      return (await readdir(options.dir)).flatMap((name) => FILE_NAME.exec(name)?.[1] ?? []).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
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
        // durable: the digests (built or being built) take it; a build reaching this case keeps it
        digests?.map.set(review.caseId, reviewDigestOf(review));
      });
    },
    forget() {
      generation++;
      held.clear();
      dirReady = undefined;
      digests = undefined;
    },
    async digests() {
      for (;;) {
        const readIn = generation;
        if (!digests) {
          const map = new Map<string, ReviewDigest>();
          const building = { map, built: buildDigests(map) };
          digests = building;
          building.built.catch(() => {
            // not built (a file could not be read): the next ask builds again
            if (digests === building) digests = undefined;
          });
        }
        const current = digests;
        await current.built;
        // forget() while it was built: the folder changed, build for the new one
        if (readIn === generation && digests === current) return new Map(current.map);
      }
    },
    caseIds: caseIdsOf,
  };
}
