/** The `<option>`s of a plan choice, by the names people know: first "any" (value '') when a filter may leave the plan open. */
export function PlanOptions({ plans, any }: { readonly plans: ReadonlyArray<{ readonly id: string; readonly name: string }>; readonly any?: string }) {
  return (
    <>
      {any === undefined ? null : <option value="">{any}</option>}
      {plans.map((plan) => (
        <option key={plan.id} value={plan.id}>
          {plan.name}
        </option>
      ))}
    </>
  );
}
