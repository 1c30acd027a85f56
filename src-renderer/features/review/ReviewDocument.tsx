import { reviewBlocks, type ReviewContent } from '../../../src-shared/review';
import { renderMarkdown } from './markdown-preview';

/**
 * A review as a read-only document, every section and the whole timeline as a table: used
 * to view a published revision and as the page the browser prints to PDF.
 */
export function ReviewDocument({ content, timeZone, includeInternalNotes = false }: { content: ReviewContent; timeZone: string; includeInternalNotes?: boolean }) {
  return (
    <div className="review-document">
      {reviewBlocks(content, timeZone, { includeInternalNotes }).map((block, index) => {
        switch (block.type) {
          case 'heading':
            return <h2 key={index}>{block.text}</h2>;
          case 'markdown':
            return (
              <div key={index}>
                {block.label ? <h3>{block.label}</h3> : null}
                {/* sanitized by renderMarkdown */}
                <div className="markdown-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(block.text, block.label ? 3 : 2) }} />
              </div>
            );
          case 'facts':
            return (
              <table key={index}>
                <tbody>
                  {block.rows.map(([name, value]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'list':
            return (
              <div key={index}>
                <h3>{block.label}</h3>
                {block.items.length === 0 ? <p>—</p> : <ol>{block.items.map((item, i) => <li key={i}>{item}</li>)}</ol>}
              </div>
            );
          case 'timeline':
            return (
              <table key={index} aria-label="Timeline table">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Kind</th>
                    <th scope="col">What happened</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Annotation</th>
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, i) => (
                    <tr key={i} className={row.key ? 'key-entry' : undefined}>
                      <td>{row.time}</td>
                      <td>{row.kind}{row.key ? ' (key)' : ''}</td>
                      <td>{row.text}</td>
                      <td>{row.actor}</td>
                      <td>{row.annotation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          case 'actionItems':
            return block.rows.length === 0 ? (
              <p key={index}>—</p>
            ) : (
              <table key={index}>
                <thead>
                  <tr>
                    <th scope="col">Action item</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">Link</th>
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, i) => (
                    <tr key={i}>{row.map((cell, c) => <td key={c}>{cell}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </div>
  );
}
