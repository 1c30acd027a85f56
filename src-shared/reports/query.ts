import { z } from 'zod';
import { isoInstantSchema } from '../domain/events';

export const REPORT_GROUPINGS = ['severity', 'plan', 'customer', 'owner'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('last'), days: z.union([z.literal(7), z.literal(30), z.literal(90)], { error: 'days is 7, 30 or 90' }) }).strict(),
  z
    .object({
      kind: z.literal('quarter'),
      year: z.number().int('year is a whole number').min(1970, 'year is 1970 or later').max(2099, 'year is 2099 or earlier'),
      quarter: z.number().int().min(1, 'quarter is 1 to 4').max(4, 'quarter is 1 to 4'),
    })
    .strict(),
  z
    .object({ kind: z.literal('custom'), from: isoInstantSchema, to: isoInstantSchema })
    .strict()
    .refine((period) => Date.parse(period.from) < Date.parse(period.to), { message: 'the period must end after it starts', path: ['to'] }),
]);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

export const reportQuerySchema = z.object({ period: reportPeriodSchema, groupBy: z.enum(REPORT_GROUPINGS, { error: 'groupBy is severity, plan, customer or owner' }) }).strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const DAY = 24 * 60 * 60_000;

/** The period as instants [from, to): "last N days" ends now; a quarter is whole UTC months. */
export function periodBounds(period: ReportPeriod, now: number): { from: number; to: number } {
  switch (period.kind) {
    case 'last':
      return { from: now - period.days * DAY, to: now };
    case 'quarter':
      return { from: Date.UTC(period.year, (period.quarter - 1) * 3, 1), to: Date.UTC(period.year, period.quarter * 3, 1) };
    case 'custom':
      return { from: Date.parse(period.from), to: Date.parse(period.to) };
  }
}
