import type { Plugin } from 'vite';

/** The page's Content-Security-Policy as the built console ships it (src-renderer/index.html). */
export const CSP_PATTERN = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/**
 * The policy for the dev server only: React's fast-refresh preamble is an inline script and
 * Vite's client injects <style> elements, both of which the production policy forbids, so in
 * `npm run dev` every component would throw at start. A build keeps the strict policy as written.
 */
export function relaxForDevServer(policy: string): string {
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      if (/^script-src\b/.test(trimmed) || /^style-src\b/.test(trimmed)) return `${trimmed} 'unsafe-inline'`;
      return trimmed;
    })
    .join('; ');
}

export function devServerCsp(): Plugin {
  return {
    name: 'response-desk:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!CSP_PATTERN.test(html)) throw new Error('src-renderer/index.html has no Content-Security-Policy meta element to relax for the dev server');
      return html.replace(CSP_PATTERN, (_all, open: string, policy: string, close: string) => `${open}${relaxForDevServer(policy)}${close}`);
    },
  };
}
