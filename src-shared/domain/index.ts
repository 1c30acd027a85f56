export * from './severity';
export * from './events';
export * from './ids';
export * from './case-state';
export * from './commands';
export * from './decide';
export * from './instant-window';
export * from './case-summary';
