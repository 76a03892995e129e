import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/score.ts';

describe('about-them', () => {
  it.each([
    'Our award-winning platform is trusted by over 500 brands.',
    'We offer the best customer service in the industry.',
    'Our clients love us, and our superior product speaks for itself.',
    "We're the leading provider of fleet telematics in Europe.",
    'Our cutting-edge, best-in-class solution is second to none.',
  ])('flags self-praise: %j', (body) => {
    expect(findingsOf('about-them', body).length).toBeGreaterThan(0);
  });

  it('flags a draft that is mostly about us', () => {
    const body =
      'We built our platform in 2015. Our team has grown to 80 people and our product now covers routing, our billing and our analytics. We have offices in three cities and we ship new features every week. We think our approach is different. Would you like to see it?';
    const [f] = findingsOf('about-them', body);
    expect(f?.message).toMatch(/mostly about you/);
  });

  it.each([
    "We're the best-placed team for this only because we ran the same migration for your parent company.",
    'You mentioned your drivers lose an hour a day at the dock. We saw the same at a grocer your size and cut it to 20 minutes.',
    'Our quarterly business review is on the 12th; your team is welcome.',
  ])('stays quiet on %j', (body) => {
    expect(findingsOf('about-them', body)).toEqual([]);
  });

  it('ignores a bragging tagline in the signature', () => {
    const body = 'Hi Dana, here is the benchmark you asked about.\n\nBest,\nMarc\nRoutewise — the industry-leading routing platform\nwww.routewise.io';
    expect(findingsOf('about-them', body)).toEqual([]);
  });
});
