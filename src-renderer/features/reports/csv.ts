import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Table } from '../../../src-shared/reports';

/** A table as RFC 4180 CSV (csv-stringify): a header row, CRLF line ends, fields quoted when they need it. */
export function tableCsv(table: Table): string {
  return stringify([[...table.header], ...table.rows.map((row) => [...row.raw])], { record_delimiter: '\r\n' });
}
