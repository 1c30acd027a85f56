import { CaseCatalog } from '../../src-main/core/cases/case-catalog';
import { caseQuerySchema, type CaseQueryInput, type CaseQueryResult, type Result } from '../../src-shared/contract';
import { summaryOf } from '../../src-shared/domain';
import { ALL_CASES_PAGE, createAllCasesStore, isLoading, SEARCH_DEBOUNCE_MS } from '../../src-renderer/state';
import { caseRecord } from './render-app';
import { createFakeDesk } from './fake-desk';

const catalog = new CaseCatalog();
for (let i = 0; i < 1_000; i++) catalog.upsert(summaryOf(caseRecord({ id: `RD-${2001 + i}`, title: i % 2 ? `Slow search ${i}` : `Login loop ${i}`, customer: `Customer ${i % 40}` })));

/** A core whose answers the test releases one by one, in any order. */
function heldCore() {
  const held: Array<{ input: CaseQueryInput; answer: () => void }> = [];
  const fake = createFakeDesk({
    'cases.query': (input: CaseQueryInput) =>
      new Promise<Result<CaseQueryResult>>((resolve) => {
        held.push({ input, answer: () => resolve({ ok: true, value: catalog.query(caseQuerySchema.parse(input)) }) });
      }),
  });
  return { fake, held, store: createAllCasesStore(fake.desk) };
}

/** Lets the answers released so far reach the store. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the All cases store', () => {
  afterEach(() => vi.useRealTimers());

  it('asks for a search once typing pauses, with the whole text, while the box shows each key at once', async () => {
    vi.useFakeTimers();
    const { held, store } = heldCore();
    for (const text of ['l', 'lo', 'log', 'logi', 'login']) {
      store.getState().setText(text);
      expect(store.getState().text).toBe(text);
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    }
    expect(held).toHaveLength(0);
    // The rows on screen are for the previous search until the new one is answered.
    expect(isLoading(store.getState())).toBe(true);
    vi.advanceTimersByTime(1);
    expect(held.map((call) => call.input.text)).toEqual(['login']);
    held[0]!.answer();
    await vi.runAllTimersAsync();
    expect(isLoading(store.getState())).toBe(false);
    expect(store.getState().result?.total).toBe(500);
  });

  it('asks at once on Enter, and not again when the pause ends', () => {
    vi.useFakeTimers();
    const { held, store } = heldCore();
    store.getState().setText('slow 7');
    store.getState().search();
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2);
    expect(held.map((call) => call.input.text)).toEqual(['slow 7']);
  });

  it('never lets a slower answer to an earlier search overwrite the answer to a newer one', async () => {
    const { held, store } = heldCore();
    store.getState().setFilters({ customer: 'Customer 1' });
    store.getState().setFilters({ customer: 'Customer 2' });
    expect(held.map((call) => call.input.filters?.customer)).toEqual(['Customer 1', 'Customer 2']);
    held[1]!.answer();
    await settle();
    held[0]!.answer();
    await settle();
    const rows = store.getState().result!.pages.get(0)!;
    expect(rows.length).toBe(25);
    expect(new Set(rows.map((row) => row.customer))).toEqual(new Set(['Customer 2']));
    expect(isLoading(store.getState())).toBe(false);
  });

  it('on a change asks again only for the pages in view, drops the others until they are scrolled to, and answers a burst with one more refresh', async () => {
    const { held, store } = heldCore();
    store.getState().need(0, 20);
    held.shift()!.answer();
    await settle();
    // Scrolled to rows 250-270: pages 2 and 3 (the one after) are asked for.
    store.getState().need(250, 270);
    expect(held.map((call) => call.input.offset)).toEqual([2 * ALL_CASES_PAGE, 3 * ALL_CASES_PAGE]);
    for (const call of held.splice(0)) call.answer();
    await settle();
    expect([...store.getState().result!.pages.keys()].sort()).toEqual([0, 2, 3]);

    store.getState().refresh();
    expect(held.map((call) => call.input.offset)).toEqual([2 * ALL_CASES_PAGE]);
    // The rows in view stay on screen while they are asked for again; the rest are gone.
    expect([...store.getState().result!.pages.keys()]).toEqual([2]);
    // More changes while that is answered: one more refresh after it, not one per change.
    store.getState().refresh();
    store.getState().refresh();
    expect(held).toHaveLength(1);
    held.shift()!.answer();
    await settle();
    expect(held.map((call) => call.input.offset)).toEqual([2 * ALL_CASES_PAGE]);
    held.shift()!.answer();
    await settle();
    expect(held).toHaveLength(0);
    // Scrolling back up asks for the dropped page.
    store.getState().need(10, 30);
    expect(held.map((call) => call.input.offset)).toEqual([0, ALL_CASES_PAGE]);
  });
});
