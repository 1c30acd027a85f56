import type { Report } from './report';
import { formatDateTime } from '../words';
import { GROUPING_LABEL } from './report-tables';
import type { Table } from './report-tables';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The whole report as one self-contained HTML document (no scripts), the tables as on screen. */
export function reportHtml(report: Report, tables: readonly Table[]): string {
  const [from, to, made] = [report.from, report.to, report.generatedAt].map((iso) => escape(formatDateTime(iso, { year: true })));
  const body = tables
    .map(
      (table) =>
        `<h2>${escape(table.title)}</h2>` +
        (table.rows.length === 0
          ? '<p>Nothing in this period.</p>'
          : `<table><thead><tr>${table.header.map((label) => `<th>${escape(label)}</th>`).join('')}</tr></thead><tbody>${table.rows
              .map((row) => `<tr>${row.shown.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Report ${from} to ${to}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>
</head><body><h1>Report</h1><p>From ${from} to ${to}, grouped by ${escape(GROUPING_LABEL[report.groupBy].toLowerCase())}, made ${made}.</p>
${body}
</body></html>
`;
}
