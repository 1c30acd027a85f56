export { AllCasesView, ALL_CASES_KEY } from './AllCasesView';
export { CustomerLink } from './CustomerLink';
export { useCaseLoaded } from './use-case-loaded';
