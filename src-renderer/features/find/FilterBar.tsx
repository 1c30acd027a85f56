import { memo, useRef } from 'react';
import { PlanOptions } from '../../components/PlanOptions';
import { STATUS_LABEL } from '../../components/labels';
import { STATUS_FILTERS, useDeskStores, useLoadedSettings, useUi, type StatusFilter } from '../../state';
import { SEARCH_KEY, useSearchKey } from './use-search-key';
import './filter-bar.css';

const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  new: STATUS_LABEL.new,
  investigating: STATUS_LABEL.investigating,
  waitingOnCustomer: STATUS_LABEL.waitingOnCustomer,
  escalated: 'Escalated',
  resolved: STATUS_LABEL.resolved,
};

/** Mine or all, plan, customer, status, and a search across id, title and customer. Memoized: it has no props, so a change of the cases does not render it again. */
export const FilterBar = memo(function FilterBar() {
  const { ui } = useDeskStores();
  const filters = useUi((state) => state.filters);
  const settings = useLoadedSettings();
  const search = useRef<HTMLInputElement>(null);
  useSearchKey(search);

  const set = ui.getState().setFilters;
  return (
    <form className="filters queue-filters" role="search" aria-label="Find cases" onSubmit={(event) => event.preventDefault()}>
      <label className="search">
        Search
        <input
          ref={search}
          type="search"
          value={filters.search}
          placeholder="Id, title or customer"
          title={`Search (${SEARCH_KEY})`}
          aria-keyshortcuts={SEARCH_KEY}
          onChange={(event) => set({ search: event.target.value })}
        />
      </label>
      <label>
        Owner
        <select value={filters.scope} onChange={(event) => set({ scope: event.target.value === 'mine' ? 'mine' : 'all' })}>
          <option value="all">All cases</option>
          <option value="mine">{`Mine (${settings.engineerName})`}</option>
        </select>
      </label>
      <label>
        Plan
        <select value={filters.plan} onChange={(event) => set({ plan: event.target.value })}>
          <PlanOptions plans={settings.policy.plans} any="Every plan" />
        </select>
      </label>
      <label>
        Customer
        <input type="text" value={filters.customer} onChange={(event) => set({ customer: event.target.value })} />
      </label>
      <label>
        Status
        <select value={filters.status} onChange={(event) => set({ status: STATUS_FILTERS.find((status) => status === event.target.value) ?? '' })}>
          <option value="">Any status</option>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {STATUS_FILTER_LABEL[status]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
});
