export * from './ticket';
export * from './mapping';
export * from './preview';
