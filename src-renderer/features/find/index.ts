export { FilterBar, SEARCH_KEY } from './FilterBar';
export { isShortcutEvent } from './keys';
export { LIST_KEYS, rowElementAt, tabStopOf, useListKeys, type CursorList } from './use-list-keys';
