import { reviewSchema, type Review } from '../../../src-shared/review';
import { KeyedQueue } from '../keyed-queue';
import type { ReviewService, ReviewSharing, ReviewStore } from '../reviews';
import { CASE_ID_PREFIX } from '../storage/layout';
import type { TeamHub } from './team-hub';

/** Each review on the server: one shared document per case, `review:<case key>`, its version the review's. */
export const REVIEW_DOCUMENT = 'review:';
const documentName = (caseId: string) => `${REVIEW_DOCUMENT}${caseId}`;

export interface TeamReviewsDeps {
  readonly hub: TeamHub;
  readonly reviews: ReviewService;
  readonly store: ReviewStore;
  readonly log: { warn(message: string): void };
}

/**
 * Post-incident reviews across workstations, with the reviews' own revision and conflict model:
 * a save is decided here on the newest review this console holds and published to the server
 * named with the version it was decided on (`ReviewService`); when the team's review moved on,
 * that one is kept here and the save decided again on it (a stale editor gets the same conflict
 * answer as between two windows). Other workstations take a change by LISTEN/NOTIFY, and compare
 * every review by version after any gap. Reviews of cases that stay on this console (keys made
 * before it joined, `RD-`) stay here too.
 */
export class TeamReviews implements ReviewSharing {
  readonly #arrivals = new KeyedQueue();

  constructor(private readonly deps: TeamReviewsDeps) {
    deps.reviews.share(this);
    deps.hub.onShared((name) => {
      if (name === undefined) this.#serially(() => this.catchUp());
      else if (name.startsWith(REVIEW_DOCUMENT)) this.#serially(() => this.#take(name));
    });
  }

  /** Whether a case's review is shared with the team: in a team, for a case not kept on this console alone. */
  shares(caseId: string): boolean {
    return this.deps.hub.shared() !== undefined && !caseId.startsWith(`${CASE_ID_PREFIX}-`);
  }

  async publish(review: Review, baseVersion: number): Promise<Review | undefined> {
    if (!this.shares(review.caseId)) return undefined;
    const offline = `The review of ${review.caseId} is shared with the team, and the team server cannot be reached now, so this change was not saved. Your text stays in the editor: save again once the server is back (the banner says when).`;
    const outcome = await this.deps.hub.putShared([{ name: documentName(review.caseId), baseVersion, value: review }], offline);
    if (outcome.status === 'applied') return undefined;
    const current = outcome.current[0];
    if (!current) return undefined;
    return reviewSchema.parse(current.value);
  }

  /** Compares every shared review's version with the one held here and takes each newer one. */
  async catchUp(): Promise<void> {
    const shared = this.deps.hub.shared();
    if (!shared?.online) return;
    try {
      for (const { name, version } of await shared.server.sharedVersions(REVIEW_DOCUMENT)) {
        const held = await this.deps.store.load(name.slice(REVIEW_DOCUMENT.length));
        if (!held || held.version < version) await this.#take(name);
      }
    } catch (error) {
      this.deps.log.warn(`the team's reviews could not be compared: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #take(name: string): Promise<void> {
    const shared = this.deps.hub.shared();
    if (!shared?.online) return;
    try {
      const document = await shared.server.getShared(name);
      if (!document) return;
      const review = reviewSchema.parse(document.value);
      if (documentName(review.caseId) !== name) throw new Error(`${name} holds the review of ${review.caseId}`);
      await this.deps.reviews.receive(review);
    } catch (error) {
      this.deps.log.warn(`the team's review ${name.slice(REVIEW_DOCUMENT.length)} could not be taken: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Arrivals one at a time (each reports its own failure). */
  #serially(work: () => Promise<void>): void {
    void this.#arrivals.run('arrivals', work).catch(() => undefined);
  }

  /** Waits until every arrival so far is applied (tests). */
  settled(): Promise<void> {
    return this.#arrivals.idle();
  }
}
