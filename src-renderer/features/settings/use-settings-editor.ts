import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatPath, type DeskError, type ErrorIssue } from '../../../src-shared/contract';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../src-shared/settings';
import { useDeskStores } from '../../state';

export type Feedback = 'idle' | 'saving' | 'saved' | 'refused' | 'failed';

interface EditorState {
  readonly saved?: Settings;
  readonly draft?: Settings;
  readonly loadError?: DeskError;
  readonly serverError?: DeskError;
  readonly feedback: Feedback;
  /** The saved settings changed elsewhere while this draft had unsaved edits. */
  readonly changedElsewhere: boolean;
}

export interface SettingsEditor extends EditorState {
  /** Issues from local validation with the shared schema, then any the core reported for this draft. */
  readonly issues: readonly ErrorIssue[];
  readonly dirty: boolean;
  change(mutate: (draft: Settings) => void): void;
  save(): Promise<void>;
  discard(): void;
  reload(): Promise<void>;
}

const SECTIONS = Object.keys(settingsSchema.shape) as Array<keyof Settings>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the top-level sections that differ: the core replaces each section it is sent, whole. */
function changedSections(saved: Settings, next: Settings): SettingsPatch {
  return Object.fromEntries(SECTIONS.filter((key) => !same(saved[key], next[key])).map((key) => [key, next[key]])) as SettingsPatch;
}

function validate(draft: Settings): ErrorIssue[] {
  const parsed = settingsSchema.safeParse(draft);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** The settings being edited: the saved copy, the draft, its issues, and save/discard. */
export function useSettingsEditor(): SettingsEditor {
  const { desk } = useDeskStores();
  const [state, setState] = useState<EditorState>({ feedback: 'idle', changedElsewhere: false });

  const reload = useCallback(async () => {
    const result = await desk.api['settings.get']({});
    if (result.ok) setState({ saved: result.value, draft: result.value, feedback: 'idle', changedElsewhere: false });
    else setState((current) => ({ ...current, loadError: result.error }));
  }, [desk]);

  useEffect(() => {
    void reload();
    return desk.events.on('settings.changed', ({ settings }) =>
      setState((current) => {
        if (current.draft && current.saved && !same(current.draft, current.saved)) {
          return { ...current, saved: settings, changedElsewhere: !same(current.draft, settings) };
        }
        return { ...current, saved: settings, draft: settings, changedElsewhere: false };
      }),
    );
  }, [desk, reload]);

  const localIssues = useMemo(() => (state.draft ? validate(state.draft) : []), [state.draft]);
  const issues = useMemo(() => [...localIssues, ...(state.serverError?.issues ?? [])], [localIssues, state.serverError]);
  const dirty = !!state.draft && !!state.saved && !same(state.draft, state.saved);

  const change = useCallback((mutate: (draft: Settings) => void) => {
    setState((current) => {
      if (!current.draft) return current;
      const draft = structuredClone(current.draft);
      mutate(draft);
      return { ...current, draft, serverError: undefined, feedback: 'idle' };
    });
  }, []);

  const save = useCallback(async () => {
    const { draft, saved } = state;
    if (!draft || !saved) return;
    const parsed = settingsSchema.safeParse(draft);
    if (!parsed.success) {
      setState((current) => ({ ...current, feedback: 'refused' }));
      return;
    }
    setState((current) => ({ ...current, feedback: 'saving', serverError: undefined }));
    const result = await desk.api['settings.update'](changedSections(saved, parsed.data));
    if (result.ok) setState({ saved: result.value, draft: result.value, feedback: 'saved', changedElsewhere: false });
    else setState((current) => ({ ...current, serverError: result.error, feedback: 'failed' }));
  }, [desk, state]);

  const discard = useCallback(() => {
    setState((current) => ({ ...current, draft: current.saved, serverError: undefined, feedback: 'idle', changedElsewhere: false }));
  }, []);

  return { ...state, issues, dirty, change, save, discard, reload };
}
