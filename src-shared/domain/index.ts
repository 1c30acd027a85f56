export * from './severity';
export * from './events';
export * from './case-state';
export * from './commands';
export * from './decide';
export * from './case-summary';
