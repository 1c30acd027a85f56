/** The post-incident review inside the console: the case panel's section, the queue badge, the review deadlines. */
export { CaseReviewSection } from './CaseReviewSection';
export { ReviewRequiredBadge } from './ReviewRequiredBadge';
export { ReviewDeadlinesView } from './ReviewDeadlinesView';
export { reviewDeadlines } from './review-deadlines';
