import { reviewMarkdownToHtml, shiftMarkdownHeadings } from '../../../src-shared/review';

const markdownToSafeHtml = (text: string) => reviewMarkdownToHtml(text, 2);

describe('Markdown in the preview and in exported documents', () => {
  it('renders Markdown', () => {
    expect(markdownToSafeHtml('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
  });

  it('shows raw HTML as text, so no script or event handler survives', () => {
    const html = markdownToSafeHtml('<script>alert(1)</script>\n\nhi <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('opens web links in a new window without an opener', () => {
    expect(markdownToSafeHtml('[docs](https://example.com/runbook)')).toBe('<p><a href="https://example.com/runbook" target="_blank" rel="noopener noreferrer">docs</a></p>\n');
  });

  it('drops links that are not web or mail addresses, keeping their text', () => {
    expect(markdownToSafeHtml('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
  });

  it('never loads a remote image, and keeps inline data images', () => {
    expect(markdownToSafeHtml('![graph](https://tracker.example/pixel.png)')).toBe('<p><span class="image-removed">[image: graph]</span></p>\n');
    expect(markdownToSafeHtml('![dot](data:image/png;base64,iVBORw0KGgo=)')).toBe('<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"></p>\n');
  });

  it('shows a badge link around a remote image as a link to "[image: alt]", never an empty link', () => {
    expect(markdownToSafeHtml('[![build](https://ci.example/badge.svg)](https://ci.example/run/1)')).toBe(
      '<p><a href="https://ci.example/run/1" target="_blank" rel="noopener noreferrer"><span class="image-removed">[image: build]</span></a></p>\n',
    );
  });

  it('puts the text\'s headings below the heading it sits under, so the outline stays whole', () => {
    expect(reviewMarkdownToHtml('# Timeline of the outage\n\n## Details\n\ntext', 2)).toBe('<h3>Timeline of the outage</h3>\n<h4>Details</h4>\n<p>text</p>\n');
    expect(reviewMarkdownToHtml('# Cause\n\n#### Deep\n\n###### Deepest', 3)).toBe('<h4>Cause</h4>\n<h6>Deep</h6>\n<h6>Deepest</h6>\n');
  });

  it('moves the headings of the Markdown source the same way, keeping the rest of the text as written', () => {
    expect(shiftMarkdownHeadings('# Postmortem\n\nSome *text*.\n\nCause\n-----\n\n- a list', 2)).toBe('### Postmortem\n\nSome *text*.\n\n#### Cause\n\n- a list');
    expect(shiftMarkdownHeadings('no headings #here', 3)).toBe('no headings #here');
  });
});
