import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: false, async: false });
const purifier = DOMPurify(window);

// Runs on every sanitized node: links leave the console in a new window without an opener,
// and images load only from inline data (never a remote address, which would call out).
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

/** Markdown to HTML fit for innerHTML: no script, no event handler, no remote image, safe links. */
export function renderMarkdown(text: string): string {
  return purifier.sanitize(markdown.parse(text) as string, {
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
