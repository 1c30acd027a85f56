export { CaseDetail, CLOSE_DETAIL_KEY } from './CaseDetail';
export { describeEvent } from './event-text';
