import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReview, type Review } from '../../../src-shared/review';
import { createFileReviewStore } from '../../../src-main/core/reviews';
import { openCase } from '../storage/fixtures/cases';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'rd-review-store-')), 'reviews');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

const ids = (count: number) => Array.from({ length: count }, (_, i) => `RD-${1001 + i}`);
const reviewOf = (caseId: string, summary = `summary of ${caseId}`): Review => {
  const review = startReview(openCase(caseId), { nowIso: '2026-11-26T10:00:00.000Z', actor: 'ana' });
  return { ...review, content: { ...review.content, summary } };
};
const store = (held: number) => createFileReviewStore({ dir, now: () => Date.UTC(2026, 10, 26, 10), held });

/** Writes each file as another console would, behind the store's back. */
async function changeOnDisk(caseIds: readonly string[], summary: string): Promise<void> {
  for (const caseId of caseIds) await writeFile(join(dir, `${caseId}.json`), JSON.stringify({ schemaVersion: 1, review: reviewOf(caseId, summary) }));
}

describe('the review store holds only the reviews used most recently', () => {
  it('after loading 10 reviews with room for 4, only the 4 used last answer from memory; the others are read again from their files', async () => {
    await mkdir(dir, { recursive: true });
    await changeOnDisk(ids(10), 'as first read');
    const reviews = store(4);
    for (const caseId of ids(10)) expect((await reviews.load(caseId))?.content.summary).toBe('as first read');

    await changeOnDisk(ids(10), 'changed on disk');
    const answers = new Map<string, string | undefined>();
    for (const caseId of ids(10).reverse()) answers.set(caseId, (await reviews.load(caseId))?.content.summary);
    const fromMemory = [...answers].filter(([, summary]) => summary === 'as first read').map(([caseId]) => caseId);
    expect(fromMemory.sort()).toEqual(['RD-1007', 'RD-1008', 'RD-1009', 'RD-1010']);
  });

  it('a review used again is kept over one used longer ago', async () => {
    await mkdir(dir, { recursive: true });
    await changeOnDisk(ids(3), 'as first read');
    const reviews = store(2);
    await reviews.load('RD-1001');
    await reviews.load('RD-1002');
    await reviews.load('RD-1001');
    await reviews.load('RD-1003');
    await changeOnDisk(ids(3), 'changed on disk');
    expect((await reviews.load('RD-1001'))?.content.summary).toBe('as first read');
    expect((await reviews.load('RD-1002'))?.content.summary).toBe('changed on disk');
  });

  it('a review dropped from memory reloads identically, and saves after it land in its file', async () => {
    const reviews = store(2);
    const first = reviewOf('RD-1001', 'written first');
    await reviews.save(first);
    const fileBefore = await readFile(join(dir, 'RD-1001.json'), 'utf8');
    for (const caseId of ids(6).slice(1)) await reviews.save(reviewOf(caseId));

    expect(await reviews.load('RD-1001')).toEqual(first);
    expect(await readFile(join(dir, 'RD-1001.json'), 'utf8')).toBe(fileBefore);

    for (const caseId of ids(6).slice(1)) await reviews.load(caseId);
    const next = { ...first, version: 2, content: { ...first.content, summary: 'saved after it was dropped' } };
    await reviews.save(next);
    expect(await reviews.load('RD-1001')).toEqual(next);
    expect(await createFileReviewStore({ dir, now: () => 0 }).load('RD-1001')).toEqual(next);
  });

  it('a load while a save of that case is on its way answers the saved review', async () => {
    const reviews = store(1);
    await reviews.save(reviewOf('RD-1001', 'v1'));
    await reviews.save(reviewOf('RD-1002'));
    const saving = reviews.save(reviewOf('RD-1001', 'v2'));
    const loading = reviews.load('RD-1001');
    await saving;
    expect((await loading)?.content.summary).toBe('v2');
  });

  it('a save that could not be written is not answered afterwards: the file still holds the last review written', async () => {
    const reviews = store(4);
    const written = reviewOf('RD-1001', 'written');
    await reviews.save(written);
    // The rename over RD-1001.json fails while a non-empty folder stands in its place.
    const file = join(dir, 'RD-1001.json');
    await rename(file, `${file}.kept`);
    await mkdir(join(file, 'blocking'), { recursive: true });
    await expect(reviews.save(reviewOf('RD-1001', 'never written'))).rejects.toThrow();
    await rm(file, { recursive: true });
    await rename(`${file}.kept`, file);

    expect(await reviews.load('RD-1001')).toEqual(written);
  });
});
