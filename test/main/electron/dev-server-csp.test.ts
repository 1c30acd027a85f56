import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_PATTERN, devServerCsp, relaxForDevServer } from '../../../build/dev-csp';

const html = readFileSync(join(__dirname, '../../../src-renderer/index.html'), 'utf8');
const policyOf = (page: string) => CSP_PATTERN.exec(page)?.[2] ?? '';
const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('the Content-Security-Policy in development and in the build', () => {
  it('ships a strict policy: no inline script or style', () => {
    const policy = policyOf(html);
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
  });

  it("lets the dev server's fast-refresh preamble and injected styles run, and nothing else changes", () => {
    const plugin = devServerCsp();
    expect(plugin.apply).toBe('serve');
    const hook = plugin.transformIndexHtml as (html: string) => string;
    const relaxed = policyOf(hook(html));
    expect(directive(relaxed, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(relaxed, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    const others = (policy: string) => policy.split(';').map((d) => d.trim()).filter((d) => !/^(script|style)-src/.test(d));
    expect(others(relaxed)).toEqual(others(policyOf(html)));
    expect(relaxForDevServer("default-src 'self'")).toBe("default-src 'self'");
  });

  it('refuses a page whose policy it cannot find, rather than serving it unrelaxed', () => {
    const hook = devServerCsp().transformIndexHtml as (html: string) => string;
    expect(() => hook('<html></html>')).toThrow(/no Content-Security-Policy/);
  });
});
