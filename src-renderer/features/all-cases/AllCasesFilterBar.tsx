import { useRef } from 'react';
import { DateField } from '../../components/DateField';
import { PlanOptions } from '../../components/PlanOptions';
import { CASE_STATUSES, SEVERITIES, SEVERITY_INFO } from '../../../src-shared/domain';
import { STATUS_LABEL } from '../../components/labels';
import { NO_ALL_CASES_FILTERS, useAllCases, useDeskStores, useLoadedSettings, type AllCasesStatus } from '../../state';
import { SEARCH_KEY, useSearchKey } from '../find';
import { OwnerFilter } from './OwnerFilter';

const STATUS_CHOICES: ReadonlyArray<{ value: AllCasesStatus; label: string }> = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open (not closed)' },
  ...CASE_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] })),
];

/** Search (id, title, customer) and the filters of All cases: status, severity, plan, customer, owner, logged between two days. */
export function AllCasesFilterBar() {
  const { allCases } = useDeskStores();
  const text = useAllCases((state) => state.text);
  const filters = useAllCases((state) => state.filters);
  const settings = useLoadedSettings();
  const search = useRef<HTMLInputElement>(null);
  useSearchKey(search);

  const { setText, setFilters } = allCases.getState();
  const filtered = text.trim() !== '' || Object.entries(filters).some(([key, value]) => value !== NO_ALL_CASES_FILTERS[key as keyof typeof filters]);
  return (
    <form className="filters all-cases-filters" role="search" aria-label="Find any case" onSubmit={(event) => event.preventDefault()}>
      <label className="search">
        Search
        <input
          ref={search}
          type="search"
          value={text}
          placeholder="Id, title or customer"
          title={`Search every case, open and closed (${SEARCH_KEY})`}
          aria-keyshortcuts={SEARCH_KEY}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && allCases.getState().search()}
        />
      </label>
      <label>
        Status
        <select value={filters.status} onChange={(event) => setFilters({ status: STATUS_CHOICES.find((choice) => choice.value === event.target.value)?.value ?? '' })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={filters.severity} onChange={(event) => setFilters({ severity: SEVERITIES.find((severity) => severity === event.target.value) ?? '' })}>
          <option value="">Any severity</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {SEVERITY_INFO[severity].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Plan
        <select value={filters.plan} onChange={(event) => setFilters({ plan: event.target.value })}>
          <PlanOptions plans={settings.policy.plans} any="Every plan" />
        </select>
      </label>
      <label>
        Customer
        <input type="text" value={filters.customer} placeholder="Whole name" onChange={(event) => setFilters({ customer: event.target.value })} />
      </label>
      <OwnerFilter owner={filters.owner} typing={filters.ownerTyped} engineerName={settings.engineerName} onChange={(owner, ownerTyped) => setFilters({ owner, ownerTyped })} />
      <label>
        Logged from
        <DateField value={filters.loggedFrom} onValueChange={(day) => day !== null && setFilters({ loggedFrom: day })} />
      </label>
      <label>
        Logged to
        <DateField value={filters.loggedTo} onValueChange={(day) => day !== null && setFilters({ loggedTo: day })} />
      </label>
      <button type="button" disabled={!filtered} onClick={() => allCases.getState().clear()}>
        Clear
      </button>
    </form>
  );
}
