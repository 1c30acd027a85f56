import { useCallback, useMemo, useState } from 'react';
import { formatPath, type DeskError, type ErrorIssue } from '../../../src-shared/contract';
import { SHARED_SETTINGS_SECTIONS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch, type SettingsUpdate, type SharedSettingsSection } from '../../../src-shared/settings';
import { useDeskStores, useSettings } from '../../state';

export type Feedback = 'idle' | 'saving' | 'saved' | 'refused' | 'failed';

/** What the engineer edits (the policy history is kept by the core). */
export type SettingsSection = keyof SettingsPatch;

interface EditorState {
  /** The sections edited here, whole; the draft is the saved settings with these in place. */
  readonly edits: SettingsPatch;
  /** Each edited section as it was saved when the engineer began editing it. */
  readonly bases: SettingsPatch;
  /** In a team: the version of each edited shared section when the engineer began editing it (named on save). */
  readonly baseVersions: NonNullable<SettingsUpdate['baseVersions']>;
  readonly serverError?: DeskError;
  readonly feedback: Feedback;
}

export interface SettingsEditor {
  /** The settings as the console holds them now (the settings store). */
  readonly saved?: Settings;
  readonly draft?: Settings;
  readonly loadError?: DeskError;
  readonly serverError?: DeskError;
  readonly feedback: Feedback;
  /** Sections edited here that were also changed and saved elsewhere since; saving replaces them. */
  readonly changedElsewhere: readonly SettingsSection[];
  /** Issues from local validation with the shared schema, then any the core reported for this draft. */
  readonly issues: readonly ErrorIssue[];
  readonly dirty: boolean;
  change(mutate: (draft: Settings) => void): void;
  save(): Promise<void>;
  discard(): void;
  reload(): Promise<void>;
}

const SECTIONS = Object.keys(settingsPatchSchema.shape) as SettingsSection[];
const NOTHING_EDITED: EditorState = { edits: {}, bases: {}, baseVersions: {}, feedback: 'idle' };
const isShared = (section: string): section is SharedSettingsSection => (SHARED_SETTINGS_SECTIONS as readonly string[]).includes(section);

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

/**
 * The settings being edited, over the settings store: the draft is the saved settings with the
 * sections edited here in place. A change saved elsewhere (settings.changed) shows at once in every
 * section not edited here; an edited section keeps the engineer's edit, and is named in
 * `changedElsewhere` when it was changed elsewhere too. Saving sends only the edited sections.
 */
export function useSettingsEditor(): SettingsEditor {
  const { settings: store } = useDeskStores();
  const saved = useSettings((state) => state.settings) ?? undefined;
  const loadError = useSettings((state) => (state.status === 'failed' ? state.error : undefined));
  const [state, setState] = useState<EditorState>(NOTHING_EDITED);

  const draft = useMemo(() => (saved && Object.keys(state.edits).length > 0 ? { ...saved, ...state.edits } : saved), [saved, state.edits]);
  const localIssues = useMemo(() => (draft ? validate(draft) : []), [draft]);
  const issues = useMemo(() => [...localIssues, ...(state.serverError?.issues ?? [])], [localIssues, state.serverError]);
  const patch = useMemo(() => (saved && draft ? changedSections(saved, draft) : {}), [saved, draft]);
  const dirty = Object.keys(patch).length > 0;
  const changedElsewhere = useMemo(
    () => (saved ? (Object.keys(patch) as SettingsSection[]).filter((key) => key in state.bases && !same(state.bases[key], saved[key])) : []),
    [saved, patch, state.bases],
  );

  const change = useCallback(
    (mutate: (draft: Settings) => void) => {
      const current = store.getState().settings;
      if (!current) return;
      setState((editor) => {
        const next = structuredClone({ ...current, ...editor.edits });
        mutate(next);
        const edits = changedSections(current, next);
        const bases = Object.fromEntries((Object.keys(edits) as SettingsSection[]).map((key) => [key, key in editor.bases ? editor.bases[key] : current[key]])) as SettingsPatch;
        // In a team, a shared section's save names the version its edit began from.
        const baseVersions = current.team
          ? Object.fromEntries(
              (Object.keys(edits) as SettingsSection[])
                .filter(isShared)
                .map((key) => [key, editor.baseVersions[key] ?? current.team?.versions[key]?.version ?? 0]),
            )
          : {};
        return { edits, bases, baseVersions, serverError: undefined, feedback: 'idle' };
      });
    },
    [store],
  );

  const save = useCallback(async () => {
    if (!saved || !draft || !dirty) return;
    const parsed = settingsSchema.safeParse(draft);
    if (!parsed.success) {
      setState((editor) => ({ ...editor, feedback: 'refused' }));
      return;
    }
    setState((editor) => ({ ...editor, feedback: 'saving', serverError: undefined }));
    const patch = changedSections(saved, parsed.data);
    const baseVersions = Object.fromEntries(Object.entries(state.baseVersions).filter(([key]) => key in patch));
    const result = await store.getState().update(Object.keys(baseVersions).length > 0 ? { ...patch, baseVersions } : patch);
    if (result.ok) setState({ ...NOTHING_EDITED, feedback: 'saved' });
    else if (result.error.code === 'CONFLICT') {
      // The team changed a section edited here: the settings now show the team's; the edit of it
      // (made on an older version) is dropped, the other edits stay to be saved again.
      const stale = new Set((result.error.issues ?? []).map((issue) => issue.path).filter(isShared));
      setState((editor) => {
        const keep = <T extends object>(sections: T) => Object.fromEntries(Object.entries(sections).filter(([key]) => !stale.has(key as SharedSettingsSection))) as T;
        return { edits: keep(editor.edits), bases: keep(editor.bases), baseVersions: keep(editor.baseVersions), serverError: { code: result.error.code, message: result.error.message }, feedback: 'failed' };
      });
    } else setState((editor) => ({ ...editor, serverError: result.error, feedback: 'failed' }));
  }, [store, saved, draft, dirty, state.baseVersions]);

  const discard = useCallback(() => setState(NOTHING_EDITED), []);
  const reload = useCallback(() => store.getState().load(), [store]);

  return { saved, draft, loadError, serverError: state.serverError, feedback: state.feedback, changedElsewhere, issues, dirty, change, save, discard, reload };
}
