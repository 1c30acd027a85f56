/** Reports over every case: per-case facts, the report's figures, and the query. Definitions: docs/reports.md. */
export * from './facts';
export * from './query';
export * from './report';
export * from './report-index';
export * from './stats';
export * from './report-tables';
export * from './report-html';
