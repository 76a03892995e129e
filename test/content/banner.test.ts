// The banner's colours: every text colour meets WCAG AA (4.5:1) on the banner's
// background, in the light theme and the dark one.
import { describe, expect, it } from 'vitest';
import { BANNER_CSS } from '../../src/content/banner.style.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The custom properties a theme's rule sets. */
function theme(selector: string): Record<string, string> {
  const start = BANNER_CSS.indexOf(selector);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const block = BANNER_CSS.slice(BANNER_CSS.indexOf('{', start) + 1, BANNER_CSS.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

describe('banner colours', () => {
  const themes = { light: theme(':host {'), dark: theme(':host([data-theme="dark"])'), 'dark (system)': theme(':host(:not([data-theme="light"]))') };
  for (const [name, colours] of Object.entries(themes)) {
    it(`reads at AA contrast in the ${name} theme`, () => {
      expect(Object.keys(colours)).toEqual(expect.arrayContaining(['fg', 'bg', 'muted', 'send', 'revise', 'block', 'accent']));
      for (const text of ['fg', 'muted', 'send', 'revise', 'block', 'accent']) {
        expect(contrast(colours[text]!, colours.bg!), `${text} ${colours[text]} on ${colours.bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
  it('sets the two dark themes alike', () => {
    expect(themes['dark (system)']).toEqual(themes.dark);
  });
});
