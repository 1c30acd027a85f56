import DOMPurify from 'dompurify';
import { reviewMarkdownToHtml } from '../../../src-shared/review';

const purifier = DOMPurify(window);

// A second guard after the shared renderer: links leave the console in a new window without
// an opener, and images load only from inline data (never a remote address, which would call out).
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    if (!/^data:image\//i.test(src)) {
      node.removeAttribute('src');
      node.removeAttribute('srcset');
      node.setAttribute('data-blocked', 'remote image');
    }
  }
});

/**
 * Markdown to HTML fit for innerHTML, rendered as the exports render it (raw HTML shown as
 * text, "[image: alt]" for a remote image, headings below `headingBase`), then sanitized:
 * no script, no event handler, no remote image, safe links.
 */
export function renderMarkdown(text: string, headingBase: number): string {
  return purifier.sanitize(reviewMarkdownToHtml(text, headingBase), {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/)/i,
  });
}

/** Web links open in the system browser: window.open, which the desktop host hands to the OS. */
export function openLinkOutside(event: { target: EventTarget | null; preventDefault(): void }): void {
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!anchor) return;
  event.preventDefault();
  window.open(anchor.getAttribute('href') ?? '', '_blank', 'noopener,noreferrer');
}
