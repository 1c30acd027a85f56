import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, ReviewView } from '../../../src-shared/contract';
import {
  REVIEW_SECTIONS,
  applyReviewChange,
  changeSection,
  reviewChangeSchema,
  type ActionItemStatus,
  type ChangeContext,
  type Review,
  type ReviewChange,
  type ReviewContent,
  type ReviewSection,
} from '../../../src-shared/review';
import type { Desk } from '../../api';
import { fieldOf, problemMessage } from './change-fields';

/** At most this long after typing stops, the draft is on disk (the issue allows a second). */
export const AUTOSAVE_MS = 800;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface ReviewConflict {
  /** The stored review with this window's changes on top: what "keep mine" saves. */
  readonly mine: ReviewContent;
  /** What is stored now, saved from another window. */
  readonly stored: Review;
  /** The sections this window changed that differ from the stored ones. */
  readonly sections: readonly ReviewSection[];
  /** This window's changes not stored yet. */
  readonly changes: readonly ReviewChange[];
}

/** A change the engineer made that cannot be saved as it is, kept on screen and marked at its field. */
export interface FieldProblem {
  readonly change: ReviewChange;
  readonly message: string;
}

export interface ReviewEditorState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly view?: ReviewView;
  /** The review as last stored. */
  readonly review: Review | null;
  /** What the engineer sees and edits: the stored content with the changes not stored yet. */
  readonly content: ReviewContent | null;
  /** Changes waiting for the next save (a save on its way holds its own). */
  readonly pending: readonly ReviewChange[];
  /** Fields whose value cannot be saved, by field (see `fieldOf`); the rest keeps saving. */
  readonly problems: ReadonlyMap<string, FieldProblem>;
  readonly saveState: SaveState;
  readonly error?: DeskError;
  readonly conflict: ReviewConflict | null;
  load(): Promise<void>;
  start(): Promise<void>;
  /** One change of the engineer's: shown at once, saved with the next autosave. */
  change(change: ReviewChange): void;
  /** Saves now what is not saved yet. */
  flush(): Promise<void>;
  /** Moves the draft into review, naming the engineer who approves it. */
  submit(approver: string): Promise<void>;
  returnToDraft(): Promise<void>;
  publish(): Promise<void>;
  revise(): Promise<void>;
  addCaseEvents(): Promise<void>;
  setActionItem(itemId: string, status: ActionItemStatus): Promise<void>;
  /** Keeps, per differing section, this window's changes ("mine") or the stored one, then saves. */
  resolveConflict(choices: Readonly<Partial<Record<ReviewSection, 'mine' | 'stored'>>>): Promise<void>;
  /** Follows pushed changes of this review and its case; returns the way to stop. */
  connect(): () => void;
}

export type ReviewEditorStore = StoreApi<ReviewEditorState>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function differingSections(a: ReviewContent, b: ReviewContent): ReviewSection[] {
  return REVIEW_SECTIONS.filter((section) => a[section] !== b[section] && !same(a[section], b[section]));
}

/** Applies what applies; a change that no longer fits (its item was removed elsewhere) is dropped. */
function applyAll(content: ReviewContent, changes: readonly ReviewChange[], context: ChangeContext): { content: ReviewContent; applied: ReviewChange[] } {
  let next = content;
  const applied: ReviewChange[] = [];
  for (const change of changes) {
    const outcome = applyReviewChange(next, change, context);
    if (!outcome.ok) continue;
    next = outcome.content;
    applied.push(change);
  }
  return { content: next, applied };
}

/** The same field changed again replaces its earlier change; adds, removals and moves queue up. */
function enqueue(pending: readonly ReviewChange[], change: ReviewChange): ReviewChange[] {
  const field = fieldOf(change);
  const replaceable = change.op !== 'addTimelineEntry' && change.op !== 'addActionItem' && change.op !== 'removeActionItem' && change.op !== 'moveActionItem';
  const index = replaceable ? pending.findIndex((other) => fieldOf(other) === field) : -1;
  if (index < 0) return [...pending, change];
  const next = [...pending];
  next[index] = change;
  return next;
}

/**
 * One review being edited in this window. Each edit is a small change (one field, one
 * timeline entry, one action item) kept locally and saved, debounced, through the core; a
 * save names the version it was made from, so another window's save is detected as a
 * conflict and shown, never overwritten. A change the rules refuse stays on screen, marked
 * at its field, and is left out of the saves; everything else keeps saving.
 */
export function createReviewStore(desk: Desk, caseId: string, options: { autosaveMs?: number; actor?: () => string } = {}): ReviewEditorStore {
  const autosaveMs = options.autosaveMs ?? AUTOSAVE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;
  /** The changes of the save on its way. */
  let sending: readonly ReviewChange[] = [];
  const context = (): ChangeContext => ({ nowIso: new Date().toISOString(), actor: options.actor?.() ?? '' });

  const store = createStore<ReviewEditorState>()((set, get) => {
    const failed = (error: DeskError) => set({ error, saveState: get().saveState === 'saving' ? 'failed' : get().saveState });
    const withProblems = (content: ReviewContent) => applyAll(content, [...get().problems.values()].map((problem) => problem.change), context()).content;
    const adopt = (review: Review) => set({ review, content: withProblems(review.content), pending: [], error: undefined, saveState: 'saved' });
    const stateAfterSave = () => (get().pending.length > 0 ? 'unsaved' : 'saved');

    const refreshView = async () => {
      const result = await desk.api['reviews.get']({ caseId });
      if (result.ok) set({ view: result.value });
      return result;
    };

    /** A change refused at the gate or by the rules: marked at its field, the others go again. */
    function markRefused(sent: readonly ReviewChange[], error: DeskError): boolean {
      const index = Number(/^changes\.(\d+)/.exec(error.issues?.[0]?.path ?? '')?.[1] ?? Number.NaN);
      const refused = sent[index];
      if (error.code !== 'INVALID_INPUT' || !refused) return false;
      const problems = new Map(get().problems).set(fieldOf(refused), { change: refused, message: problemMessage(error.issues![0]!.message) });
      set({ problems, pending: [...sent.filter((_, i) => i !== index), ...get().pending], saveState: 'unsaved', error: undefined });
      return true;
    }

    async function saveNow(): Promise<void> {
      const { review, pending, conflict } = get();
      if (!review || pending.length === 0 || conflict) return;
      sending = pending;
      set({ pending: [], saveState: 'saving' });
      const result = await desk.api['reviews.save']({ caseId, baseVersion: review.version, changes: [...sending] });
      const sent = sending;
      sending = [];
      if (result.ok) {
        const now = get();
        // keep the objects on screen where the core stored what was sent, so nothing re-renders;
        // take the core's where it added to them (who closed an action item, and when)
        const expected = applyAll(result.value.content, [...now.pending, ...[...now.problems.values()].map((problem) => problem.change)], context()).content;
        const content = { ...now.content! };
        for (const section of new Set(sent.map(changeSection))) {
          if (!same(expected[section], content[section])) Object.assign(content, { [section]: expected[section] });
        }
        set({ review: result.value, content, saveState: stateAfterSave(), error: undefined });
        if (now.pending.length > 0) schedule();
        return;
      }
      if (result.error.code === 'CONFLICT') {
        const stored = await desk.api['reviews.get']({ caseId });
        if (stored.ok && stored.value.review) {
          const changes = [...sent, ...get().pending];
          const mine = applyAll(stored.value.review.content, changes, context());
          // only what this window changed can clash; the rest simply takes the stored version
          const touched = new Set(mine.applied.map(changeSection));
          const sections = differingSections(mine.content, stored.value.review.content).filter((section) => touched.has(section));
          set({ view: stored.value, pending: [], saveState: 'conflict', error: result.error, conflict: { mine: mine.content, stored: stored.value.review, sections, changes: mine.applied } });
          return;
        }
      }
      if (markRefused(sent, result.error)) {
        schedule(0);
        return;
      }
      set({ pending: [...sent, ...get().pending], saveState: 'failed', error: result.error });
    }

    function flush(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      if (saving) return saving.then(() => (get().pending.length > 0 && !get().conflict ? flush() : undefined));
      saving = saveNow().finally(() => {
        saving = null;
      });
      return saving;
    }

    function schedule(delay = autosaveMs) {
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    }

    /** A status change stores the review as it is: nothing may wait unsaved or be refused. */
    async function savedFirst(): Promise<Review | null> {
      await flush();
      const { review, pending, problems } = get();
      if (!review || pending.length > 0) return null;
      if (problems.size > 0) {
        set({ error: { code: 'INVALID_INPUT', message: `Correct the ${problems.size === 1 ? 'marked field' : `${problems.size} marked fields`} first: ${problems.size === 1 ? 'it is' : 'they are'} not saved.` } });
        return null;
      }
      return review;
    }

    const transition = (name: 'reviews.returnToDraft' | 'reviews.publish' | 'reviews.revise' | 'reviews.addCaseEvents') => async () => {
      const review = await savedFirst();
      if (!review) return;
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
      pending: [],
      problems: new Map(),
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
      change(change) {
        const { content, pending, problems, conflict } = get();
        if (!content) return;
        const shown = applyReviewChange(content, change, context());
        if (!shown.ok) return;
        const field = fieldOf(change);
        const nextProblems = new Map(problems);
        // a removed item takes its marked fields with it
        if (change.op === 'removeActionItem') for (const key of problems.keys()) if (key.startsWith(`${field}.`)) nextProblems.delete(key);
        const parsed = reviewChangeSchema.safeParse(change);
        if (parsed.success) nextProblems.delete(field);
        else nextProblems.set(field, { change, message: problemMessage(parsed.error.issues[0]?.message ?? 'this value cannot be saved') });
        const kept = parsed.success ? enqueue(pending, parsed.data) : pending.filter((other) => fieldOf(other) !== field);
        set({ content: shown.content, pending: kept, problems: nextProblems, saveState: conflict ? 'conflict' : kept.length > 0 ? 'unsaved' : get().saveState === 'saving' ? 'saving' : stateAfterSave() });
        if (kept.length > 0) schedule();
      },
      flush,
      async submit(approver) {
        const review = await savedFirst();
        if (!review) return;
        const result = await desk.api['reviews.submit']({ caseId, baseVersion: review.version, approver });
        if (result.ok) {
          adopt(result.value);
          await refreshView();
        } else failed(result.error);
      },
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
        const { conflict, pending } = get();
        if (!conflict) return;
        const kept = conflict.changes.filter((change) => {
          const section = changeSection(change);
          return !conflict.sections.includes(section) || (choices[section] ?? 'stored') === 'mine';
        });
        const next = applyAll(conflict.stored.content, [...kept, ...pending], context());
        set({ conflict: null, review: conflict.stored, content: withProblems(next.content), pending: next.applied, error: undefined, saveState: next.applied.length > 0 ? 'unsaved' : 'saved' });
        await flush();
      },
      connect() {
        const offReviews = desk.events.on('reviews.changed', (payload) => {
          if (payload.caseId !== caseId) return;
          const { review, pending, saveState } = get();
          // another window saved: take it in when nothing here is waiting to be saved
          if (review && payload.version > review.version && pending.length === 0 && saveState !== 'saving') void get().load();
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
