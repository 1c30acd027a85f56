import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, ReviewView } from '../../../src-shared/contract';
import { REVIEW_SECTIONS, type ActionItemStatus, type Review, type ReviewContent, type ReviewSection } from '../../../src-shared/review';
import type { Desk } from '../../api';

/** At most this long after typing stops, the draft is on disk (the issue allows a second). */
export const AUTOSAVE_MS = 800;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface ReviewConflict {
  /** What this window had when its save was refused. */
  readonly mine: ReviewContent;
  /** What is stored now, saved from another window. */
  readonly stored: Review;
  /** The sections this window changed that differ from the stored ones. */
  readonly sections: readonly ReviewSection[];
}

export interface ReviewEditorState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly view?: ReviewView;
  /** The review as last stored. */
  readonly review: Review | null;
  /** What the engineer sees and edits; differs from `review.content` in the dirty sections. */
  readonly content: ReviewContent | null;
  readonly dirty: ReadonlySet<ReviewSection>;
  readonly saveState: SaveState;
  readonly error?: DeskError;
  readonly conflict: ReviewConflict | null;
  load(): Promise<void>;
  start(): Promise<void>;
  edit<K extends ReviewSection>(section: K, value: ReviewContent[K]): void;
  /** Saves now what is not saved yet. */
  flush(): Promise<void>;
  submit(): Promise<void>;
  returnToDraft(): Promise<void>;
  publish(): Promise<void>;
  revise(): Promise<void>;
  addCaseEvents(): Promise<void>;
  setActionItem(itemId: string, status: ActionItemStatus): Promise<void>;
  /** Keeps, per differing section, this window's text ("mine") or the stored one, then saves. */
  resolveConflict(choices: Readonly<Partial<Record<ReviewSection, 'mine' | 'stored'>>>): Promise<void>;
  /** Follows pushed changes of this review and its case; returns the way to stop. */
  connect(): () => void;
}

export type ReviewEditorStore = StoreApi<ReviewEditorState>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function differingSections(a: ReviewContent, b: ReviewContent): ReviewSection[] {
  return REVIEW_SECTIONS.filter((section) => a[section] !== b[section] && !same(a[section], b[section]));
}

/**
 * One review being edited in this window. Edits stay local and are saved, debounced, through
 * the core; each save names the version it was edited from, so another window's save is
 * detected as a conflict and shown, never overwritten.
 */
export function createReviewStore(desk: Desk, caseId: string, options: { autosaveMs?: number } = {}): ReviewEditorStore {
  const autosaveMs = options.autosaveMs ?? AUTOSAVE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;

  const store = createStore<ReviewEditorState>()((set, get) => {
    const failed = (error: DeskError) => set({ error, saveState: get().saveState === 'saving' ? 'failed' : get().saveState });
    const adopt = (review: Review) => set({ review, content: review.content, dirty: new Set(), error: undefined, saveState: 'saved' });

    const refreshView = async () => {
      const result = await desk.api['reviews.get']({ caseId });
      if (result.ok) set({ view: result.value });
      return result;
    };

    async function saveNow(): Promise<void> {
      const { review, content, dirty, conflict } = get();
      if (!review || !content || dirty.size === 0 || conflict) return;
      const sent = [...dirty];
      const changes = Object.fromEntries(sent.map((section) => [section, content[section]]));
      set({ saveState: 'saving' });
      const result = await desk.api['reviews.save']({ caseId, baseVersion: review.version, changes });
      if (result.ok) {
        const now = get();
        // sections edited again while the save was on its way stay dirty, with their newer text
        const still = new Set([...now.dirty].filter((section) => !sent.includes(section) || now.content?.[section] !== content[section]));
        // keep the objects on screen where the core stored what was sent, so nothing re-renders;
        // take the core's where it added to them (who closed an action item, and when)
        const merged = { ...now.content! };
        for (const section of sent) {
          if (!still.has(section) && !same(result.value.content[section], content[section])) Object.assign(merged, { [section]: result.value.content[section] });
        }
        set({ review: result.value, content: merged, dirty: still, saveState: still.size > 0 ? 'unsaved' : 'saved', error: undefined });
        if (still.size > 0) schedule();
        return;
      }
      if (result.error.code === 'CONFLICT') {
        const stored = await desk.api['reviews.get']({ caseId });
        if (stored.ok && stored.value.review) {
          const { content: mine, dirty: edited } = get();
          // only what this window changed can clash; the rest simply takes the stored version
          const sections = differingSections(mine!, stored.value.review.content).filter((section) => edited.has(section));
          set({ view: stored.value, saveState: 'conflict', error: result.error, conflict: { mine: mine!, stored: stored.value.review, sections } });
          return;
        }
      }
      set({ saveState: 'failed', error: result.error });
    }

    function flush(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      if (saving) return saving.then(() => (get().dirty.size > 0 ? flush() : undefined));
      saving = saveNow().finally(() => {
        saving = null;
      });
      return saving;
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), autosaveMs);
    }

    /** A lifecycle request: saves pending edits first, then applies it to the version saved. */
    const transition = (name: 'reviews.submit' | 'reviews.returnToDraft' | 'reviews.publish' | 'reviews.revise' | 'reviews.addCaseEvents') => async () => {
      await flush();
      const { review, dirty } = get();
      if (!review || dirty.size > 0) return;
      const result = await desk.api[name]({ caseId, baseVersion: review.version });
      if (result.ok) {
        adopt(result.value);
        await refreshView();
      } else failed(result.error);
    };

    return {
      status: 'loading',
      review: null,
      content: null,
      dirty: new Set(),
      saveState: 'saved',
      conflict: null,
      async load() {
        const result = await desk.api['reviews.get']({ caseId });
        if (!result.ok) return set({ status: 'failed', error: result.error });
        set({ status: 'ready', view: result.value });
        if (result.value.review) adopt(result.value.review);
      },
      async start() {
        const result = await desk.api['reviews.start']({ caseId });
        if (!result.ok) return failed(result.error);
        set({ view: result.value });
        if (result.value.review) adopt(result.value.review);
      },
      edit(section, value) {
        const { content, dirty } = get();
        if (!content) return;
        set({ content: { ...content, [section]: value }, dirty: new Set(dirty).add(section), saveState: get().conflict ? 'conflict' : 'unsaved' });
        schedule();
      },
      flush,
      submit: transition('reviews.submit'),
      returnToDraft: transition('reviews.returnToDraft'),
      publish: transition('reviews.publish'),
      revise: transition('reviews.revise'),
      addCaseEvents: transition('reviews.addCaseEvents'),
      async setActionItem(itemId, status) {
        await flush();
        const result = await desk.api['reviews.setActionItem']({ caseId, itemId, status });
        if (result.ok) adopt(result.value);
        else failed(result.error);
      },
      async resolveConflict(choices) {
        const { conflict } = get();
        if (!conflict) return;
        const merged: ReviewContent = { ...conflict.stored.content };
        const keptMine = conflict.sections.filter((section) => (choices[section] ?? 'stored') === 'mine');
        for (const section of keptMine) Object.assign(merged, { [section]: conflict.mine[section] });
        set({ conflict: null, review: conflict.stored, content: merged, dirty: new Set(keptMine), error: undefined, saveState: keptMine.length > 0 ? 'unsaved' : 'saved' });
        await flush();
      },
      connect() {
        const offReviews = desk.events.on('reviews.changed', (payload) => {
          if (payload.caseId !== caseId) return;
          const { review, dirty, saveState } = get();
          // another window saved: take it in when nothing here is waiting to be saved
          if (review && payload.version > review.version && dirty.size === 0 && saveState !== 'saving') void get().load();
        });
        const offCases = desk.events.on('cases.changed', ({ record }) => {
          // a new case event changes what is offered to the timeline and the requirement
          if (record.id === caseId) void refreshView();
        });
        return () => {
          offReviews();
          offCases();
        };
      },
    };
  });
  return store;
}
