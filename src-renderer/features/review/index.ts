/** The post-incident review editor, opened from a case. */
export { ReviewPanel } from './ReviewPanel';
export { StartReviewButton } from './StartReviewButton';
