import fc from 'fast-check';
import { ReportsProjection } from '../../../src-main/core/reports';
import { buildReport } from '../../../src-shared/reports';
import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import type { CaseCommand } from '../../../src-shared/domain';
import type { Policy } from '../../../src-shared/sla';
import { acknowledge, boot, update } from '../runtime/boot';

const MIN = 60_000;
const resolve = { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } as const;

/** One step of an engineer's day: a command on one of the cases, time passing, or a policy edit. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('act' as const), index: fc.nat(4), command: fc.constantFrom<CaseCommand>(
    acknowledge,
    update(),
    { type: 'requestInformation', text: 'Logs, please.' },
    { type: 'customerReplied', text: 'Here.' },
    { type: 'adjustSeverity', to: 'P1', reason: 'Worse.', businessImpact: '' },
    { type: 'adjustSeverity', to: 'P4', reason: 'Better.', businessImpact: '' },
    { type: 'escalate', trigger: 'businessImpact', level: 'seniorEngineering', justification: 'Impact.' },
    resolve,
    { type: 'close', customerConfirmation: '' },
    { type: 'reopen', reason: 'Back.' },
    { type: 'recordFeedback', rating: 3, comment: 'ok' },
  ) }),
  fc.record({ kind: fc.constant('log' as const), plan: fc.constantFrom('premium', 'standard'), severity: fc.constantFrom('P1', 'P2', 'P3', 'P4' as const) }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
  fc.record({ kind: fc.constant('policy' as const), minutes: fc.integer({ min: 5, max: 600 }) }),
);

function withTargets(policy: Policy, minutes: number): Policy {
  const next = structuredClone(policy);
  for (const plan of next.plans) for (const target of Object.values(plan.targets)) target.initialResponse = { ...target.initialResponse, minutes };
  return next;
}

describe('the reports projection', () => {
  it('kept up to date as events land equals one rebuilt from the store, after any sequence of events and policy edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
        const reviewStore = createMemoryReviewStore();
        const { core, store, clock, advance } = await boot({ extra: { reviewStore } });
        await core.reports.facts(); // built now, so everything after is followed incrementally
        const ids: string[] = [];
        for (const step of steps) {
          if (step.kind === 'log') ids.push((await core.handlers['cases.create']({ title: 't', customer: 'c', plan: step.plan, severity: step.severity, description: '', reportedBy: '' })).id);
          else if (step.kind === 'wait') await advance(step.minutes * MIN);
          else if (step.kind === 'policy') await core.handlers['settings.update']({ policy: withTargets(core.settings.get().policy, step.minutes) });
          else if (ids.length > 0) await core.handlers['cases.act']({ id: ids[step.index % ids.length]!, command: step.command }).catch(() => undefined);
          await core.runtime.idle();
        }
        const kept = [...(await core.reports.facts()).entries()].sort(([a], [b]) => a.localeCompare(b));
        const rebuilt = new ReportsProjection({ store, reviews: reviewStore, settings: () => core.settings.get(), clock, bus: core.bus });
        const fresh = [...(await rebuilt.facts()).entries()].sort(([a], [b]) => a.localeCompare(b));
        expect(kept).toEqual(fresh);
        const query = { period: { kind: 'last', days: 90 }, groupBy: 'severity' } as const;
        const report = await core.reports.query(query);
        expect(report).toEqual(await rebuilt.query(query));
        // the projection's index makes the report folding every held case would
        expect(report).toEqual(buildReport((await core.reports.facts()).values(), await core.reports.reviews(), query, clock.now()));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
