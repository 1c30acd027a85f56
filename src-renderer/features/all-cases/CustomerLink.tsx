import type { MouseEvent } from 'react';
import { useDeskStores } from '../../state';

/** A customer's name that opens All cases filtered to that customer: their whole case history. */
export function CustomerLink({ customer }: { customer: string }) {
  const { allCases, ui } = useDeskStores();
  const show = (event: MouseEvent) => {
    // Inside a row, the row's own click would open the case instead.
    event.stopPropagation();
    allCases.getState().showCustomer(customer);
    ui.getState().showView('allCases');
  };
  return (
    <button type="button" className="customer-link" title={`Every case of ${customer}, open and closed`} onClick={show}>
      {customer}
    </button>
  );
}
