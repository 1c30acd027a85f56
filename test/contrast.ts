/** WCAG 2.1 contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) of two opaque #rrggbb colours. */
function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [match[1]!, match[2]!, match[3]!].map((part) => parseInt(part, 16) / 255) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The custom properties of the style sheet's light :root and of its prefers-color-scheme: dark :root. */
export function colourTokens(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const read = (block: string) => Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  const light = /^:root\s*\{([^}]*)\}/m.exec(css);
  const dark = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css);
  if (!light || !dark) throw new Error('the style sheet has no light and dark :root blocks');
  return { light: read(light[1]!), dark: { ...read(light[1]!), ...read(dark[1]!) } };
}

/** Each pair the console draws: a foreground token on a background token, and the least ratio it needs. */
export const TEXT_TOKENS = ['text', 'muted', 'accent', 'danger', 'p1', 'p2', 'p3', 'p4', 'ok', 'warn'] as const;
export const ROW_BACKGROUNDS = ['bg', 'panel', 'row-hover', 'cursor'] as const;
export const PAIRS: ReadonlyArray<{ fg: string; bg: string; least: number; what: string }> = [
  ...TEXT_TOKENS.flatMap((fg) => ROW_BACKGROUNDS.map((bg) => ({ fg, bg, least: 4.5, what: 'text' }))),
  { fg: 'on-accent', bg: 'accent', least: 4.5, what: 'text on a primary button' },
  { fg: 'on-danger', bg: 'danger', least: 4.5, what: 'text on the notification badge' },
  ...['bg', 'panel'].map((bg) => ({ fg: 'control-border', bg, least: 3, what: 'edge of a button or field' })),
  ...ROW_BACKGROUNDS.map((bg) => ({ fg: 'accent', bg, least: 3, what: 'focus outline, cursor mark' })),
];
