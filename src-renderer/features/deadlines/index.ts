export { DeadlinesView } from './DeadlinesView';
export { DeadlineList } from './DeadlineList';
export { clockDeadlines, mergeDeadlines, type DeadlineItem } from './deadline-item';
