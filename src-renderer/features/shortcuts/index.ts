export { ShortcutsDialog } from './ShortcutsDialog';
export { HELP_KEY, keyName, shortcutGroups, type GlobalShortcut, type ShortcutGroup } from './shortcut-table';
