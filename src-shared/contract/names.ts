/**
 * The names of every request and pushed event, as plain data. The preload imports only this
 * file (no zod), and the contract checks at compile time that it lists exactly its requests.
 */
export const REQUEST_NAMES = [
  'system.info',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.act',
  'cases.history',
  'cases.query',
  'settings.get',
  'settings.update',
  'notifications.list',
  'notifications.markRead',
  'runtime.snooze',
  'runtime.unsnooze',
  'runtime.status',
  'data.export',
  'data.import',
  'data.restoreBackup',
  'data.chooseServiceDeskFiles',
  'data.previewServiceDesk',
  'data.importServiceDesk',
  'reviews.get',
  'reviews.start',
  'reviews.save',
  'reviews.addCaseEvents',
  'reviews.submit',
  'reviews.returnToDraft',
  'reviews.publish',
  'reviews.revise',
  'reviews.setActionItem',
  'reviews.export',
  'reviews.saveExport',
  'reviews.deadlines',
  'reports.query',
  'reports.status',
  'reports.saveExport',
  'team.status',
  'team.join',
  'team.leave',
] as const;

export const EVENT_NAMES = ['cases.changed', 'cases.merged', 'settings.changed', 'notifications.new', 'notifications.read', 'ui.openCase', 'reviews.changed', 'team.changed', 'storage.changed', 'data.importProgress'] as const;

export type RequestName = (typeof REQUEST_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The single IPC channel that carries requests, and the one that carries pushed events. */
export const REQUEST_CHANNEL = 'desk:request';
export const EVENT_CHANNEL = 'desk:event';
