// Whatever the page holds, the adapters throw nothing and return well-formed data.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/content/sites/index.ts';
import { closeAll, fixtureHtml, page } from './load.ts';

afterAll(closeAll);

const ADDRESS = /^[^@\s]+@[^@\s]+\.[a-z0-9-]{2,}$/;

/** Attributes and classes the adapters look for, mixed at random with values that mean nothing. */
const attribute = fc.oneof(
  fc.constantFrom(
    'role="dialog"', 'role="region"', 'role="list"', 'role="listitem"', 'role="textbox"', 'role="group"', 'role="document"', 'role="option"',
    'g_editable="true"', 'contenteditable="true"', 'contenteditable="false"', 'contenteditable',
    'name="to"', 'name="cc"', 'name="subjectbox"', 'aria-label="Message Body"', 'aria-label="Message body"', 'aria-label="Type of response"',
    'aria-label="From: Dana &lt;dana@northwind-freight.com&gt;"', 'aria-label="To"', 'aria-label="Email message"',
    'class="gmail_quote"', 'class="gmail_signature"', 'class="a3s"', 'class="g3"', 'class="gD"', 'class="kv"', 'class="h7"', 'class="adn"', 'class="_EType_RECIPIENT_ENTITY"',
    'id="MSG_x_TO"', 'id="MSG_x_CC"', 'id="MSG_x_SUBJECT"', 'id="editorParent_1"', 'id="UniqueMessageBody_1"', 'id="divRplyFwdMsg"', 'id="x_Signature"', 'id="docking_InitVisiblePart_0"',
    'data-testid="SentReceivedSavedTime"', 'data-app-section="MailReadCompose"', 'gh="cm"', 'data-message-id="#msg-f:1"',
  ),
  fc.tuple(fc.constantFrom('email', 'data-hovercard-id', 'title', 'aria-label', 'value', 'data-lpc-hover-target-id', 'name'), fc.string({ maxLength: 40 })).map(
    ([name, value]) => `${name}="${value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`,
  ),
  fc.constantFrom('email="Dana@Northwind-Freight.com"', 'title="Mon, Nov 2, 2026, 9:14 AM"', 'title="Tue 11/10/2026 2:47 PM"', 'value="ops@northwind-freight.com"'),
);

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('dana@northwind-freight.com', 'Nov 2, 2026', '&lt;b&gt;', '')).map((s) => s.replace(/[&<>]/g, ' '));

const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(
        fc.constantFrom('div', 'span', 'form', 'table', 'tr', 'td', 'h2', 'h3', 'blockquote', 'input', 'textarea', 'section', 'b', 'p', 'hr', 'br'),
        fc.array(attribute, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attrs, children]) => `<${tag} ${attrs.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

describe('every adapter, on any page', () => {
  it('throws nothing and returns well-formed snapshots, messages and health', () => {
    const doc = page('<!DOCTYPE html><html><body></body></html>', 'https://mail.google.com/mail/u/0/');
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (nodes) => {
        doc.body.innerHTML = nodes.join('');
        for (const adapter of ADAPTERS) {
          const composers = adapter.composers(doc);
          for (const c of composers) {
            expect(typeof c.id).toBe('string');
            expect(typeof c.subject).toBe('string');
            expect(typeof c.bodyHtml).toBe('string');
            expect(['new', 'reply', 'popout', 'fullscreen']).toContain(c.kind);
            for (const address of [...c.to, ...c.cc]) {
              expect(address).toMatch(ADDRESS);
              expect(address).toBe(address.toLowerCase());
            }
            expect(new Set(c.to).size).toBe(c.to.length);
          }
          expect(new Set(composers.map((c) => c.id)).size).toBe(composers.length);
          for (const m of adapter.thread(doc)) {
            expect(m.from === '' || ADDRESS.test(m.from)).toBe(true);
            expect(m.at === null || !Number.isNaN(Date.parse(m.at))).toBe(true);
            expect(typeof m.text).toBe('string');
          }
          const health = adapter.health(doc);
          expect(health.site).toBe(adapter.site);
          expect(health.composers).toBe(composers.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a large page whole (how fast is for npm run bench, not a test)', () => {
    // A long conversation and a composer with a 200 KB body.
    const gmail = fixtureHtml('gmail/reply-inline.html');
    const listStart = gmail.indexOf('<!-- 1: Sam, collapsed -->');
    const listEnd = gmail.indexOf('<!-- 4: Dana, expanded');
    const collapsed = gmail.slice(listStart, listEnd);
    const big = gmail.slice(0, listStart) + collapsed.repeat(60) + gmail.slice(listEnd).replace('Glad the audit is behind you.', 'Glad the audit is behind you. '.repeat(7000));
    const doc = page(big, 'https://mail.google.com/mail/u/0/#inbox/x');
    const adapter = ADAPTERS.find((a) => a.site === 'gmail')!;
    const composers = adapter.composers(doc);
    const messages = adapter.thread(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.bodyHtml.length).toBeGreaterThan(200_000);
    expect(messages).toHaveLength(181);
  });
});
