export { FilterBar, SEARCH_KEY } from './FilterBar';
export { isShortcutEvent } from './keys';
export { LIST_KEYS, useListKeys } from './use-list-keys';
