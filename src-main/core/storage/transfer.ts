import { z } from 'zod';
import { caseRecordSchema, isoInstantSchema, type CaseRecord } from '../../../src-shared/domain';
import { StoreError } from './errors';
import { formatIssues, formatPath } from './issues';
import { caseNumber } from './layout';
import { timelineProblem } from './timeline';

export const EXPORT_FORMAT = 'response-desk.cases';
export const EXPORT_VERSION = 1;

/** One JSON object holding every case, open and closed. */
export const caseExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}"`),
  version: z.literal(EXPORT_VERSION, `must be ${EXPORT_VERSION}`),
  exportedAt: isoInstantSchema,
  nextNumber: z.number().int().min(1),
  cases: z.array(caseRecordSchema),
});
export type CaseExport = z.infer<typeof caseExportSchema>;

/** The whole file is checked before anything changes; the error names the first problems. */
export function parseImport(candidate: unknown): CaseExport {
  const parsed = caseExportSchema.safeParse(candidate);
  if (!parsed.success) throw new StoreError('IMPORT_INVALID', `The import file is invalid: ${formatIssues(parsed.error)}.`);
  const seen = new Set<string>();
  const problems: string[] = [];
  parsed.data.cases.forEach((record: CaseRecord, i) => {
    const where = formatPath(['cases', i]);
    if (seen.has(record.id)) problems.push(`${where}: case ${record.id} appears twice`);
    seen.add(record.id);
    const problem = timelineProblem(record);
    if (problem) problems.push(`${where}: case ${record.id} ${problem}`);
    if (caseNumber(record.id) >= parsed.data.nextNumber) {
      problems.push(`${where}: case ${record.id} is not below nextNumber ${parsed.data.nextNumber}, so its id could be handed out again`);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    throw new StoreError('IMPORT_INVALID', `The import file is invalid: ${problems.slice(0, 3).join('; ')}${more}.`);
  }
  return parsed.data;
}
