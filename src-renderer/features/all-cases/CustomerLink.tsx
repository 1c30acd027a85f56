import type { MouseEvent } from 'react';
import { useDeskStores } from '../../state';

/**
 * A customer's name that opens All cases filtered to that customer: their whole case history.
 * Inside a list row (`inRow`) it is no tab stop of its own, as the rows are the list's one tab
 * stop (docs/ui.md, "Accessibility"); from the keyboard it is reached in the case panel.
 */
export function CustomerLink({ customer, inRow = false }: { customer: string; inRow?: boolean }) {
  const { allCases, ui } = useDeskStores();
  const show = (event: MouseEvent) => {
    // Inside a row, the row's own click would open the case instead.
    event.stopPropagation();
    allCases.getState().showCustomer(customer);
    ui.getState().showView('allCases');
  };
  return (
    <button type="button" className="customer-link" title={`Every case of ${customer}, open and closed`} tabIndex={inRow ? -1 : undefined} onClick={show}>
      {customer}
    </button>
  );
}
