export { ActionBar } from './ActionBar';
export { ActionDialog } from './ActionDialog';
export { ACTION_SPECS, specOf, shortcutLabel, type ActionSpec } from './action-specs';
