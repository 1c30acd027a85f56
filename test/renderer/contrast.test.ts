import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAIRS, colourTokens, contrastRatio } from '../contrast';

const css = readFileSync(join(__dirname, '../../src-renderer/styles.css'), 'utf8');
const tokens = colourTokens(css);

describe('colour tokens meet WCAG 2.1 AA in both schemes and every row state', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAIRS.map((pair) => [pair.fg, pair.bg, pair.least, pair.what] as const))(`${scheme}: --%s on --%s is at least %s:1 (%s)`, (fg, bg, least) => {
      const ratio = contrastRatio(tokens[scheme][fg]!, tokens[scheme][bg]!);
      expect(ratio).toBeGreaterThanOrEqual(least);
    });
  }

  it('computes the ratios WCAG gives for known pairs', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
