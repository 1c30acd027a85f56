export * from './severity';
export * from './events';
export * from './case-state';
export * from './commands';
export * from './decide';
export * from './instant-window';
export * from './case-summary';
