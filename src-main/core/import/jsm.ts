import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { DateTime } from 'luxon';
import type { SourceComment, SourceTicket } from '../../../src-shared/import';
import { ImportFileError } from './errors';
import type { ImportFile, SourceRow } from './source';

/**
 * Jira Service Management's CSV export from the issue navigator ("Export > CSV (all fields)"),
 * read with csv-parse, streaming: a byte order mark, quoted fields across lines, and repeated
 * column names (Comment, Labels, Organizations each once per value). Times are in the
 * exporting user's time zone and format, with no offset: `timeZone` says which zone.
 */

export interface JsmOptions {
  /** The time zone the export's times are in (an IANA name); UTC when not given. */
  readonly timeZone?: string;
}

/** The formats Jira Cloud and Data Center write (the default first: "30/Nov/26 10:15 AM"). */
const FORMATS = [
  'd/MMM/yy h:mm a',
  'd/MMM/yyyy h:mm a',
  'd/MMM/yy H:mm',
  'd/MMM/yyyy H:mm',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd h:mm a',
  'dd.MM.yyyy HH:mm',
  'MM/dd/yyyy h:mm a',
];

/** A UTC ISO instant from a Jira date, or undefined when it is in none of the known formats. */
export function jiraInstant(value: string, zone = 'UTC'): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const iso = DateTime.fromISO(trimmed, { zone });
    return iso.isValid ? (iso.toUTC().toISO({ suppressMilliseconds: false }) ?? undefined) : undefined;
  }
  for (const format of FORMATS) {
    const parsed = DateTime.fromFormat(trimmed, format, { zone, locale: 'en-US' });
    if (parsed.isValid) return parsed.toUTC().toISO() ?? undefined;
  }
  return undefined;
}

/** Column positions by lower-case name; a repeated name has all its positions. */
type Columns = ReadonlyMap<string, readonly number[]>;

const REQUIRED = ['issue key', 'summary', 'status', 'created'];
const ORGANIZATION_COLUMNS = ['organizations', 'custom field (organizations)', 'customer', 'custom field (customer)', 'customers', 'custom field (customers)'];

function columnsOf(header: readonly string[]): Columns {
  const columns = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    columns.set(key, [...(columns.get(key) ?? []), index]);
  });
  return columns;
}

/** "30/Nov/26 10:15 AM;557058:f1b2c3;The text; may hold semicolons" */
function commentOf(cell: string, zone: string, reporter: readonly string[]): SourceComment | string {
  const first = cell.indexOf(';');
  const second = first < 0 ? -1 : cell.indexOf(';', first + 1);
  if (second < 0) return `the comment "${cell.slice(0, 40)}" is not "date;author;text"`;
  const at = jiraInstant(cell.slice(0, first), zone);
  if (!at) return `the comment's date "${cell.slice(0, first)}" is not a date like 30/Nov/26 10:15 AM`;
  const author = cell.slice(first + 1, second).trim();
  return { at, author: author || 'Jira', fromRequester: author !== '' && reporter.includes(author), public: true, text: cell.slice(second + 1) };
}

/** Every issue of the export, one at a time, or why a row cannot be read. A file that is not such an export throws ImportFileError. */
export async function* readJsm(files: readonly ImportFile[], options: JsmOptions = {}, onBytes?: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const zone = options.timeZone ?? 'UTC';
  if (!DateTime.local().setZone(zone).isValid) throw new ImportFileError(files[0]?.name ?? 'the export', `"${zone}" is not a time zone (use a name like Europe/Berlin)`);
  for (const file of files) yield* readFile(file, zone, onBytes);
}

/** The first characters of the file, to name a JSON file for what it is. */
async function headOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  } finally {
    await handle.close();
  }
}

async function* readFile(file: ImportFile, zone: string, onBytes?: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const head = await headOf(file.path);
  if (head === '') throw new ImportFileError(file.name, 'the file is empty');
  if (head.startsWith('{') || head.startsWith('[')) {
    throw new ImportFileError(file.name, 'it is JSON, not a CSV: a Jira Service Management export is the CSV of the issue navigator (a Zendesk export is imported as Zendesk)', { line: 1, column: 1 });
  }
  const input = createReadStream(file.path);
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const records = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  input.on('error', (error) => records.destroy(error));
  let columns: Columns | undefined;
  let previousEnd = 0;
  let rows = 0;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (!columns) {
        columns = columnsOf(record);
        const missing = REQUIRED.filter((name) => !columns?.has(name));
        if (missing.length > 0) {
          const seen = record.slice(0, 6).map((name) => `"${name}"`).join(', ');
          throw new ImportFileError(file.name, `line 1 has no ${missing.map((name) => `"${name.replace(/\b\w/g, (c) => c.toUpperCase())}"`).join(', ')} column (it starts ${seen || 'empty'}): it is not a Jira Service Management CSV export`, { line: 1, column: 1 });
        }
        continue;
      }
      rows++;
      yield jsmIssue(record, columns, `line ${line}`, zone);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof CsvError) {
      const at = { line: Number(error.lines ?? 0), column: Number(error.column ?? 0) || 1 };
      throw new ImportFileError(file.name, `it is not valid CSV at line ${at.line} (${error.message})`, at);
    }
    throw error;
  }
  if (!columns) throw new ImportFileError(file.name, 'the file is empty');
  if (rows === 0) throw new ImportFileError(file.name, 'it has a header but no issues');
}

export function jsmIssue(record: readonly string[], columns: Columns, line: string, zone: string): SourceRow {
  const all = (name: string) => (columns.get(name) ?? []).map((index) => record[index] ?? '').filter((value) => value.trim() !== '');
  const one = (name: string) => all(name)[0]?.trim() ?? '';
  const key = one('issue key');
  const where = key ? `${line} (${key})` : line;
  const problem = (message: string): SourceRow => ({ kind: 'problem', problem: { where, message } });
  if (!key) return problem('it has no Issue key');
  const createdAt = jiraInstant(one('created'), zone);
  if (!createdAt) return problem(`Created "${one('created')}" is not a date like 30/Nov/26 10:15 AM`);
  const resolvedText = one('resolved');
  const resolvedAt = resolvedText ? jiraInstant(resolvedText, zone) : null;
  if (resolvedAt === undefined) return problem(`Resolved "${resolvedText}" is not a date like 30/Nov/26 10:15 AM`);
  const updatedAt = jiraInstant(one('updated'), zone) ?? resolvedAt ?? createdAt;
  const reporter = one('reporter');
  const reporterIds = [reporter, one('reporter id')].filter((name) => name !== '');
  const comments: SourceComment[] = [];
  for (const cell of all('comment')) {
    const comment = commentOf(cell, zone, reporterIds);
    if (typeof comment === 'string') return problem(comment);
    comments.push(comment);
  }
  const organization = ORGANIZATION_COLUMNS.flatMap((name) => all(name))[0]?.trim() ?? null;
  const ticket: SourceTicket = {
    source: 'jsm',
    externalId: key,
    where,
    title: one('summary'),
    description: all('description')[0] ?? '',
    priority: one('priority') || null,
    status: one('status'),
    createdAt,
    updatedAt: Date.parse(updatedAt) < Date.parse(createdAt) ? createdAt : updatedAt,
    resolvedAt,
    requester: reporter || 'Jira customer',
    assignee: one('assignee') || null,
    organization: organization || null,
    tags: all('labels').map((label) => label.trim()),
    channel: 'portal',
    satisfaction: null,
    comments,
  };
  return { kind: 'ticket', ticket };
}
