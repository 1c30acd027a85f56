import { Lexer, Marked, type Token } from 'marked';

/**
 * The review's Markdown, one way everywhere: the editor's preview, the revision view, the
 * printed PDF and the exported files all render it here, so what the engineer previews is
 * what the customer receives.
 *
 * Safe by construction: raw HTML in the text is shown as text, links keep only web and mail
 * addresses (and open in a new window without an opener), and images load only from inline
 * data; any other image becomes "[image: alt]", so nothing is fetched and no link is left
 * empty. Headings written in a section sit below the section's own heading, so the document
 * keeps one outline (one h1).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp);base64,[a-z0-9+/=]+$/i;

/** A heading written as level `depth` under a heading of level `base`: one level below it, at most h6. */
export function shiftedDepth(depth: number, base: number): number {
  return Math.min(6, depth + base);
}

function renderer(base: number): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      html({ text }) {
        return escapeHtml(text);
      },
      heading({ tokens, depth }) {
        const level = shiftedDepth(depth, base);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        if (!SAFE_LINK.test(href)) return inner;
        const titled = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${titled} target="_blank" rel="noopener noreferrer">${inner}</a>`;
      },
      image({ href, text }) {
        if (!DATA_IMAGE.test(href)) return `<span class="image-removed">[image: ${escapeHtml(text)}]</span>`;
        return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`;
      },
    },
  });
}

const renderers = new Map<number, Marked>();

/**
 * The text as safe HTML, its headings shifted below `headingBase` (the level of the heading
 * the text sits under: 2 under a section's h2, 3 under a field's h3).
 */
export function reviewMarkdownToHtml(text: string, headingBase: number): string {
  let marked = renderers.get(headingBase);
  if (!marked) renderers.set(headingBase, (marked = renderer(headingBase)));
  return marked.parse(text) as string;
}

/** The Markdown source with its headings moved below `headingBase`, for the Markdown export. */
export function shiftMarkdownHeadings(text: string, headingBase: number): string {
  const tokens: Token[] = Lexer.lex(text, { gfm: true });
  if (!tokens.some((token) => token.type === 'heading')) return text;
  return tokens
    .map((token) => {
      if (token.type !== 'heading') return token.raw;
      const trailing = /\n*$/.exec(token.raw)?.[0] ?? '';
      return `${'#'.repeat(shiftedDepth(token.depth, headingBase))} ${token.text}${trailing}`;
    })
    .join('');
}
