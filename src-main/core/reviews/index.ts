/** Post-incident reviews in the core: the service, its store port and the export port. */
export { ReviewService, type ReviewServiceDeps, type ReviewSharing } from './review-service';
export { createFileReviewStore, REVIEW_FILE_VERSION, type ReviewStore, type FileReviewStoreOptions } from './review-store';
export type { ReviewExportPort } from './export-ports';
export { reviewToHtml } from './html-document';
