/** The post-incident review: its model, rules, timeline reconstruction, deadlines and documents. */
export * from './model';
export * from './timeline';
export * from './impact';
export * from './completeness';
export * from './calendar-zone';
export * from './requirement';
export * from './deadlines';
export * from './digest';
export * from './changes';
export * from './lifecycle';
export * from './document';
export * from './markdown';
