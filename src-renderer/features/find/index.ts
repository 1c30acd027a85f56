export { FilterBar } from './FilterBar';
export { SEARCH_KEY, useSearchKey } from './use-search-key';
export { isShortcutEvent } from './keys';
export { LIST_KEYS, rowElementAt, tabStopOf, useListKeys, type CursorList } from './use-list-keys';
