import { z } from 'zod';
import { isoInstantSchema } from '../domain/events';
import { type Policy, policySchema } from './policy';

/**
 * Every policy the console has applied, oldest first: each one is in force from `since` until
 * the next one's `since`. History is a fact: what ended under a policy is judged by it, however
 * the policy is edited later (docs/sla.md).
 */
export const policyEraSchema = z.object({ since: isoInstantSchema, policy: policySchema });
export type PolicyEra = z.infer<typeof policyEraSchema>;
export type PolicyHistory = readonly PolicyEra[];

export const policyHistorySchema = z.array(policyEraSchema);

/**
 * The policy in force at `at` (ms): the last era that began at or before it; before the first
 * era, the oldest one known; with no history, `current`.
 */
export function policyInForce(history: PolicyHistory, current: Policy, at: number): Policy {
  if (history.length === 0) return current;
  // eras are few (one per policy edit); a binary search keeps long histories cheap
  let lo = 0;
  let hi = history.length - 1;
  if (Date.parse(history[0]!.since) > at) return history[0]!.policy;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (Date.parse(history[mid]!.since) <= at) lo = mid;
    else hi = mid - 1;
  }
  return history[lo]!.policy;
}

/** The history after applying `next` at `at`: the first edit also records the policy it replaced, as in force from the start. */
export function withPolicyApplied(history: PolicyHistory, previous: Policy, next: Policy, at: string): PolicyEra[] {
  const eras = history.length === 0 ? [{ since: '1970-01-01T00:00:00.000Z', policy: previous }] : [...history];
  const last = eras[eras.length - 1]!;
  // an edit at (or, after a clock step back, before) the last era's start replaces that era
  if (Date.parse(at) <= Date.parse(last.since)) eras[eras.length - 1] = { since: last.since, policy: next };
  else eras.push({ since: at, policy: next });
  return eras;
}
