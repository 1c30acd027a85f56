import { useState } from 'react';
import { useDraft } from './editor-context';
import { FieldMessages } from './fields';
import { planLabel } from './field-paths';
import { PlanEditor } from './PlanEditor';
import { copyPlan } from './policy-drafts';

/** The support plans and their per-severity targets; a new plan starts as a copy of another. */
/** Plans are only ever appended here, so the first `savedPlanCount` are the saved ones. */
export function PlansSection({ savedPlanCount }: { savedPlanCount: number }) {
  const { draft, change, disabled } = useDraft();
  const [source, setSource] = useState(0);
  const plans = draft.policy.plans;
  return (
    <section className="settings-section" aria-labelledby="settings-plans-heading">
      <h3 id="settings-plans-heading">Plans</h3>
      <FieldMessages path="policy.plans" />
      {plans.map((_, index) => (
        <PlanEditor key={index} index={index} idLocked={index < savedPlanCount} />
      ))}
      <div className="settings-row settings-add">
        <label htmlFor="settings-copy-plan">Copy plan from</label>
        <select id="settings-copy-plan" value={Math.min(source, plans.length - 1)} disabled={disabled} onChange={(event) => setSource(Number(event.target.value))}>
          {plans.map((_, index) => (
            <option key={index} value={index}>
              {planLabel(draft, index)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={disabled || plans.length === 0}
          onClick={() => change((next) => { next.policy.plans.push(copyPlan(next.policy, Math.min(source, next.policy.plans.length - 1))); })}
        >
          Add plan
        </button>
      </div>
    </section>
  );
}

