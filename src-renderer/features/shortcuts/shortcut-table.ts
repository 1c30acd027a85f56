import type { UiState } from '../../state';
import { ACTION_SPECS, shortcutLabel } from '../actions';
import { LIST_KEYS, SEARCH_KEY } from '../find';

/** `?` lists every shortcut. */
export const HELP_KEY = '?';

/**
 * A shortcut that works anywhere outside a field or a dialog. The console's key handler runs
 * these and the shortcuts dialog lists them: one table, so the list cannot drift from the keys.
 * `run` answers false when the key does nothing now (Escape with no case open).
 */
export interface GlobalShortcut {
  readonly key: string;
  readonly does: string;
  readonly run: (ui: UiState) => boolean | void;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly rows: ReadonlyArray<{ readonly keys: string; readonly does: string }>;
}

/** How a key is written for people: "Esc", "↓", "Space", "N". */
export function keyName(key: string): string {
  const names: Record<string, string> = { Escape: 'Esc', ArrowDown: '↓', ArrowUp: '↑', Enter: 'Enter', ' ': 'Space' };
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/**
 * Every shortcut of the console, grouped: the global ones from the same table the key handler
 * runs, and those of the lists, the search and the case actions from the constants their own
 * handlers use.
 */
export function shortcutGroups(global: readonly GlobalShortcut[]): ShortcutGroup[] {
  const listKeys = (keys: string) => keys.split(' ').map(keyName).join(' or ');
  return [
    { title: 'Anywhere', rows: global.map((shortcut) => ({ keys: keyName(shortcut.key), does: shortcut.does })) },
    {
      title: 'In a list',
      rows: [
        { keys: listKeys(LIST_KEYS.down), does: 'Move the cursor down' },
        { keys: listKeys(LIST_KEYS.up), does: 'Move the cursor up' },
        { keys: keyName(LIST_KEYS.open), does: 'Open the case (or review) under the cursor' },
        { keys: keyName(SEARCH_KEY), does: 'Search by id, title or customer' },
        { keys: 'PageDown, Space / PageUp', does: 'Scroll the view' },
      ],
    },
    { title: 'On the open case', rows: ACTION_SPECS.map((spec) => ({ keys: shortcutLabel(spec.key), does: spec.label })) },
    { title: 'In a dialog or the notification list', rows: [{ keys: keyName('Escape'), does: 'Close it' }] },
  ];
}
