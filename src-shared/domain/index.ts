export * from './severity';
export * from './events';
