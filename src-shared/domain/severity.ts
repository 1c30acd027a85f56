import { z } from 'zod';

/** Severity is set by business impact (framework section 1). */
export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** A request logged without a severity is P3 Medium (framework section 1). */
export const DEFAULT_SEVERITY: Severity = 'P3';

export interface SeverityInfo {
  readonly id: Severity;
  readonly name: string;
  /** "P1 Critical": the heading used for queues and labels. */
  readonly label: string;
  readonly definition: string;
}

export const SEVERITY_INFO: Readonly<Record<Severity, SeverityInfo>> = {
  P1: {
    id: 'P1',
    name: 'Critical',
    label: 'P1 Critical',
    definition: 'Production is down or the business is badly hurt, and there is no workaround that works.',
  },
  P2: {
    id: 'P2',
    name: 'High',
    label: 'P2 High',
    definition: 'Production works but a major function is degraded; any workaround cannot be kept up for long.',
  },
  P3: {
    id: 'P3',
    name: 'Medium',
    label: 'P3 Medium',
    definition: 'A limited or non-critical function is affected and a reasonable workaround exists.',
  },
  P4: {
    id: 'P4',
    name: 'Low',
    label: 'P4 Low',
    definition: 'A question, configuration guidance, a minor issue or an enhancement request; production is not affected.',
  },
};

/** Lower rank = more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
