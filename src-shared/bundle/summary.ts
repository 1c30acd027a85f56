import type { Bundle } from './schema';

/** What a bundle holds, counted: the sentence after an export or an import is made from it. */
export interface BundleSummary {
  readonly cases: number;
  readonly reviews: number;
  readonly calendars: number;
  readonly plans: number;
}

export function summarizeBundle(bundle: Pick<Bundle, 'cases' | 'reviews' | 'settings'>): BundleSummary {
  return {
    cases: bundle.cases.length,
    reviews: bundle.reviews.length,
    calendars: bundle.settings.policy.calendars.length,
    plans: bundle.settings.policy.plans.length,
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "712 cases, 40 reviews, settings and 3 calendars" */
export function describeBundle(summary: BundleSummary): string {
  return `${count(summary.cases, 'case', 'cases')}, ${count(summary.reviews, 'review', 'reviews')}, settings and ${count(summary.calendars, 'calendar', 'calendars')}`;
}
