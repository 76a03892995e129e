// The helpers the site adapters share: reading a message's own words, addresses, order.
import { afterAll, describe, expect, it } from 'vitest';
import { all, chronological, emailsIn, QUOTES_AND_SIGNATURES, readText } from '../../src/content/sites/dom.ts';
import { closeAll, page } from './load.ts';

afterAll(closeAll);

function body(html: string): Element {
  const doc = page(`<div id="b">${html}</div>`, 'https://mail.google.com/');
  return doc.getElementById('b')!;
}

describe('readText with QUOTES_AND_SIGNATURES', () => {
  it('keeps the writer’s lines and drops Gmail’s quote header, blockquotes and signature', () => {
    const el = body(
      '<div dir="ltr">Hi Sam,<div><br></div><div>Numbers by Friday&nbsp;please.</div></div>' +
        '<span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Dana</div>' +
        '<div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On Mon, Nov 2, 2026 at 9:14 AM Sam wrote:</div><blockquote class="gmail_quote">Old words</blockquote></div>',
    );
    expect(readText(el, QUOTES_AND_SIGNATURES)).toBe('Hi Sam,\nNumbers by Friday please.');
  });

  it('keeps answers written between the quoted lines, as the scorer does', () => {
    const el = body('<div class="gmail_quote"><div class="gmail_attr">On … wrote:</div><blockquote>Can you do Tuesday?</blockquote><div>Yes, 10:00.</div></div>');
    expect(readText(el, QUOTES_AND_SIGNATURES)).toBe('Yes, 10:00.');
  });

  it('stops at Outlook’s reply header, with or without the x_ and m_ prefixes of received mail', () => {
    for (const id of ['divRplyFwdMsg', 'x_divRplyFwdMsg', 'm_-4953785656563624224divRplyFwdMsg', 'x_appendonsend']) {
      const el = body(`<div>Mine.</div><div id="${id}"><b>From:</b> Sam</div><div>Theirs.</div>`);
      expect(readText(el, QUOTES_AND_SIGNATURES), id).toBe('Mine.');
    }
    const nested = body('<div><div>Mine.</div><div><hr><div id="x_divRplyFwdMsg">From:</div></div><div>Theirs.</div></div>');
    expect(readText(nested, QUOTES_AND_SIGNATURES)).toBe('Mine.');
  });

  it('drops signatures and quote headers Gmail has prefixed in forwarded history', () => {
    const el = body('<div>Mine.</div><div class="m_-4953785656563624224gmail_signature">Sig</div><div id="x_Signature">Sig</div><div class="m_123gmail_attr">On … wrote:</div>');
    expect(readText(el, QUOTES_AND_SIGNATURES)).toBe('Mine.');
  });

  it('needs no layout: no styles, hidden markup and scripts left out, breaks from <br> and blocks', () => {
    const el = body('<p>One<br>Two</p><script>alert(1)</script><style>p{}</style><div hidden>Hidden</div><span>Three</span> <span>Four</span><table><tr><td>A</td><td>B</td></tr></table>');
    expect(readText(el)).toBe('One\nTwo\nThree Four\nA\nB');
  });

  it('stops at its length limit', () => {
    const el = body(`<div>${'word '.repeat(10_000)}</div>`);
    expect(readText(el, { max: 100 }).length).toBeLessThanOrEqual(100);
  });
});

describe('emailsIn', () => {
  it('finds addresses in labels, headers and typed text, lowercased', () => {
    expect(emailsIn('Dana Whitfield <Dana@Northwind-Freight.com>')).toEqual(['dana@northwind-freight.com']);
    expect(emailsIn('a.b+c@x.co.uk; d_e@y.example, not-an-address@, @nope.com, f@g')).toEqual(['a.b+c@x.co.uk', 'd_e@y.example']);
    expect(emailsIn('Dana Whitfield')).toEqual([]);
    expect(emailsIn(null)).toEqual([]);
  });

  it('scans a long string in linear time', () => {
    const start = performance.now();
    emailsIn(`${'a'.repeat(50_000)}@`);
    emailsIn(`x@${'a.'.repeat(20_000)}`);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('all', () => {
  it('skips a selector the engine rejects without losing the others, in document order', () => {
    const el = body('<i class="one"></i><b class="two"></b><i class="three"></i>');
    expect(all(el, ['.three', '[[nonsense', '.one']).map((e) => e.className)).toEqual(['one', 'three']);
  });
});

describe('chronological', () => {
  const m = (at: string | null, text: string) => ({ at, text });
  it('sorts when every date is known, keeping page order for ties', () => {
    expect(chronological([m('2026-11-10T10:00:00.000Z', 'c'), m('2026-11-02T10:00:00.000Z', 'a'), m('2026-11-02T10:00:00.000Z', 'b')]).map((x) => x.text)).toEqual(['a', 'b', 'c']);
  });

  it('turns a newest-first page round, undated messages and all, and leaves other orders alone', () => {
    expect(chronological([m('2026-11-10T10:00:00.000Z', 'c'), m(null, 'b'), m('2026-11-02T10:00:00.000Z', 'a')]).map((x) => x.text)).toEqual(['a', 'b', 'c']);
    expect(chronological([m('2026-11-02T10:00:00.000Z', 'a'), m(null, 'b'), m('2026-11-10T10:00:00.000Z', 'c')]).map((x) => x.text)).toEqual(['a', 'b', 'c']);
  });
});
