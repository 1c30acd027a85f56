import { escapeHtml, headerFacts, reviewBlocks, reviewMarkdownToHtml, type DocumentBlock, type DocumentOptions, type ReviewContent, type ReviewHeader } from '../../../src-shared/review';

/** Inline, so the file is self-contained; the print rules make the PDF from the same page. */
const STYLE = `
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1f24; margin: 32px auto; max-width: 960px; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 18px; border-bottom: 1px solid #d6dae0; padding-bottom: 4px; margin-top: 28px; } h3 { font-size: 15px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid #d6dae0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f4f7; } tr.key td { font-weight: 600; background: #fff8e1; } .image-removed { color: #5b6470; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

function factsTable(rows: ReadonlyArray<readonly [string, string]>): string {
  return `<table class="facts"><tbody>${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>`;
}

function grid(head: readonly string[], rows: ReadonlyArray<{ cells: readonly string[]; className?: string }>): string {
  const header = `<thead><tr>${head.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr${row.className ? ` class="${row.className}"` : ''}>${row.cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table>${header}<tbody>${body}</tbody></table>`;
}

function block(part: DocumentBlock): string {
  switch (part.type) {
    case 'heading':
      return `<h2>${escapeHtml(part.text)}</h2>`;
    case 'markdown':
      // the text's own headings go below the section's h2, or below the field's h3
      return `${part.label ? `<h3>${escapeHtml(part.label)}</h3>` : ''}${reviewMarkdownToHtml(part.text, part.label ? 3 : 2)}`;
    case 'facts':
      return factsTable(part.rows);
    case 'list': {
      const tag = part.ordered ? 'ol' : 'ul';
      const items = part.items.length === 0 ? '<p>—</p>' : `<${tag}>${part.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
      return `<h3>${escapeHtml(part.label)}</h3>${items}`;
    }
    case 'timeline':
      return grid(
        ['Time', 'Kind', 'What happened', 'Actor', 'Annotation'],
        part.rows.map((row) => ({
          cells: [escapeHtml(row.time), escapeHtml(row.kind) + (row.key ? ' <strong>(key)</strong>' : ''), escapeHtml(row.text), escapeHtml(row.actor), escapeHtml(row.annotation)],
          ...(row.key ? { className: 'key' } : {}),
        })),
      );
    case 'actionItems':
      return part.rows.length === 0 ? '<p>—</p>' : grid(['Action item', 'Owner', 'Due', 'Status', 'Link'], part.rows.map((row) => ({ cells: row.map(escapeHtml) })));
  }
}

/** The review as one HTML file: inline CSS, no scripts, no external assets. */
export function reviewToHtml(header: ReviewHeader, content: ReviewContent, options: DocumentOptions = {}): string {
  const title = `Post-incident review: ${header.caseId} ${header.title}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    factsTable(headerFacts(header)),
    ...reviewBlocks(content, header.timeZone, options).map(block),
    '</body></html>',
  ].join('\n');
}
