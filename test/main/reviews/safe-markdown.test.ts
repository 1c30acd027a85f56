import { markdownToSafeHtml } from '../../../src-main/core/reviews/safe-markdown';

describe('Markdown in exported documents', () => {
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
});
