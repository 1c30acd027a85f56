import type { CaseStore } from '../../../src-main/core/ports';
import type { ReviewStore } from '../../../src-main/core/reviews';
import { createMemoryCaseStore } from '../../../src-main/core/testing/memory-store';
import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import { HOUR, acknowledge, boot } from './boot';

/** Every call to the case store and review store ports, as "method id". */
function spied() {
  const calls: string[] = [];
  const cases = createMemoryCaseStore();
  const reviews = createMemoryReviewStore();
  const caseStore: CaseStore = {
    ...cases,
    openCases: () => (calls.push('openCases'), cases.openCases()),
    openCase: (id) => (calls.push(`openCase ${id}`), cases.openCase(id)),
    get: (id) => (calls.push(`get ${id}`), cases.get(id)),
  };
  const reviewStore: ReviewStore = {
    load: (caseId) => (calls.push(`load ${caseId}`), reviews.load(caseId)),
    save: (review) => (calls.push(`save ${review.caseId}`), reviews.save(review)),
    caseIds: () => (calls.push('caseIds'), reviews.caseIds()),
    digests: () => (calls.push('digests'), reviews.digests()),
    forget: () => reviews.forget(),
  };
  return { calls, caseStore, reviewStore };
}

describe('a review autosave touches only its own case', () => {
  it('reads and re-arms the review\'s case alone, never every case or every review', async () => {
    const { calls, caseStore, reviewStore } = spied();
    const { core, advance, logCase, shown } = await boot({ store: caseStore, extra: { reviewStore } });
    const others = [await logCase('standard', 'P2'), await logCase('premium', 'P3'), await logCase('standard', 'P4')];
    const id = await logCase('standard', 'P1');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await core.handlers['cases.act']({ id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } });
    const started = await core.handlers['reviews.start']({ caseId: id });
    await core.runtime.idle();

    calls.length = 0;
    const item = { id: 'a', title: 'Add an alert', owner: 'Bo', due: '2026-11-27', link: '' };
    await core.handlers['reviews.save']({ caseId: id, baseVersion: started.review!.version, changes: [{ op: 'setText', field: 'summary', value: 'Pool ran dry.' }, { op: 'addActionItem', item }] });
    await core.runtime.idle();

    expect(calls.filter((call) => call === 'openCases' || call === 'caseIds' || call === 'digests')).toEqual([]);
    expect(calls.filter((call) => others.some((other) => call.endsWith(` ${other}`)))).toEqual([]);
    expect(calls).toContain(`openCase ${id}`);

    // the action item saved is armed: it notifies when it falls due
    await advance(2 * 24 * HOUR);
    expect(shown.filter((n) => n.caseId === id && n.kind === 'actionItemDue')).toHaveLength(1);
  });
});
