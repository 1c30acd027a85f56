import { summaryOf, type CaseEvent, type CaseRecord } from '../../../src-shared/domain';
import type { CaseStore, DocumentPort, StoreOpenReport } from '../ports';

/** The testing implementation of the CaseStore port: same contract, kept in memory. */
export function createMemoryCaseStore(initial: readonly CaseRecord[] = []): CaseStore & { readonly writes: number } {
  const cases = new Map(initial.map((record) => [record.id, structuredClone(record)]));
  let next = 1001;
  let prefix = 'RD';
  let writes = 0;
  const isClosed = (record: CaseRecord) => record.events.at(-1)?.type === 'closed';
  return {
    get writes() {
      return writes;
    },
    async open(): Promise<StoreOpenReport> {
      return { corrupt: [], migrated: [] };
    },
    openCases: () => [...cases.values()].filter((record) => !isClosed(record)),
    openCase: (id) => {
      const record = cases.get(id);
      return record && !isClosed(record) ? record : undefined;
    },
    async get(id) {
      return cases.get(id);
    },
    async history({ limit, offset = 0 }) {
      const closed = [...cases.values()].filter(isClosed);
      return { total: closed.length, cases: closed.slice(offset, offset + limit) };
    },
    async closedSummaries() {
      return [...cases.values()].filter(isClosed).map(summaryOf);
    },
    async nextCaseId() {
      while (cases.has(`${prefix}-${next}`)) next++;
      return `${prefix}-${next++}`;
    },
    async create(record) {
      if (cases.has(record.id)) throw new Error(`Case ${record.id} already exists`);
      writes++;
      cases.set(record.id, structuredClone(record));
    },
    async append(id: string, events: readonly CaseEvent[]) {
      const record = cases.get(id);
      if (!record) throw new Error(`Case ${id} does not exist`);
      writes++;
      const updated = { ...record, events: [...record.events, ...structuredClone(events)] };
      cases.set(id, updated);
      return updated;
    },
    async replace(record) {
      writes++;
      cases.set(record.id, structuredClone(record));
      return structuredClone(record);
    },
    async setPrefix(letters) {
      prefix = letters;
    },
    async close() {},
  };
}

export function createMemoryDocument<T>(initial: T): DocumentPort<T> & { saved: T[] } {
  let current = structuredClone(initial);
  const saved: T[] = [];
  return {
    saved,
    async load() {
      return structuredClone(current);
    },
    async save(next) {
      current = structuredClone(next);
      saved.push(structuredClone(next));
    },
  };
}
