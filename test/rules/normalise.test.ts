import { describe, expect, it } from 'vitest';
import { htmlToText, makeDraft } from '../../src/index.ts';

const own = (body: string, to?: string[]) => makeDraft({ body, to }).own.replace(/\s+/g, ' ').trim();

describe('normalisation', () => {
  it('turns composer HTML into the text the user sees', () => {
    const { text } = htmlToText('<div dir="ltr">Hi&nbsp;Dana,<div><br></div><div>Here&#39;s the <b>plan</b> &amp; notes.</div><ul><li>one</li><li>two</li></ul></div>');
    expect(text).toBe("Hi Dana,\n\nHere's the plan & notes.\n- one\n- two\n");
  });

  it('skips styles, scripts and comments, and survives broken markup', () => {
    const { text } = htmlToText('<style>p{color:red}</style><!-- x --><p>a < b and <i>c</p><div><span>d');
    expect(text).toBe('a < b and c\n\nd'); // a paragraph stands apart, as in innerText
  });

  it('excludes Gmail quoted history and signature, keeping the writer’s words', () => {
    const html =
      '<div dir="ltr">Thanks Dana, Thursday works.<div><br></div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Marc | the #1 routing platform</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 2, 2026 at 9:14 AM Dana Reyes &lt;dana@nw.com&gt; wrote:<br></div><blockquote class="gmail_quote">Just checking in?</blockquote></div>';
    const d = makeDraft({ body: html, to: ['dana@nw.com'] });
    expect(d.own.replace(/\s+/g, ' ').trim()).toBe('Thanks Dana, Thursday works.');
    expect(d.quotedAuthors).toEqual(['dana@nw.com']);
    expect(d.exchange).toBe('live');
  });

  it('keeps the answers of a Gmail inline reply', () => {
    const html = '<div dir="ltr">Answers below.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Dana &lt;dana@nw.com&gt; wrote:</div><blockquote class="gmail_quote">Does it support SSO?</blockquote><div>Yes, SAML and OIDC.</div><blockquote class="gmail_quote">Price?</blockquote><div>$7 per seat.</div></div>';
    expect(own(html)).toBe('Answers below. Yes, SAML and OIDC. $7 per seat.');
  });

  it('excludes Outlook on the web history after the reply header', () => {
    const html = '<div class="elementToProof">Here is the quote.</div><div id="Signature">Sam<br>Acme</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Dana<br><b>Sent:</b> Monday</div><div>Old text about {{first_name}}</div>';
    expect(own(html)).toBe('Here is the quote.');
  });

  it('excludes plain-text history: "On … wrote:", Outlook blocks, forwarded and original messages', () => {
    expect(own('New text.\n\nOn Tue, Nov 3, 2026 at 9:12 AM Marc Lint <marc@x.io> wrote:\n> old\n> older')).toBe('New text.');
    expect(own('New text.\n\nOn Tue, Nov 3, 2026 at 9:12 AM Marc Lint <marc@x.io>\nwrote:\n\nold text')).toBe('New text.');
    expect(own('New text.\n________________________________\nFrom: Dana Reyes <dana@x.com>\nSent: Monday, November 2, 2026 9:14 AM\nTo: Marc\nSubject: Re: pilot\n\nold text')).toBe('New text.');
    expect(own('New text.\n\n-----Original Message-----\nFrom: Dana\nold text')).toBe('New text.');
  });

  it('keeps the answers of a plain-text inline reply', () => {
    const body = 'Answers inline.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Dana <dana@x.com> wrote:\n> Does it support SSO?\nYes, SAML.\n> Price?\n$7 per seat.\n';
    expect(own(body)).toBe('Answers inline. Yes, SAML. $7 per seat.');
  });

  it('excludes signatures: after "-- ", mobile footers, and the block after a sign-off', () => {
    expect(own('Here is the plan.\n-- \nMarc Lint\nVP Sales')).toBe('Here is the plan.');
    expect(own('Here is the plan.\n\nSent from my iPhone')).toBe('Here is the plan.');
    expect(own('Here is the plan.\n\nBest,\nMarc Lint\nVP Sales, Routewise\nwww.routewise.io | +1 555 0100')).toBe('Here is the plan. Best,');
  });

  it('does not mistake a mid-draft "Thanks!" followed by content for a signature', () => {
    expect(own('Hi Dana,\nThanks!\nHere is the deck: link\nWould Tuesday work?\nMarc')).toContain('Would Tuesday work?');
  });

  it('keeps offsets pointing into the visible text', () => {
    const body = 'Hi Dana,\n\nJust checking in.\n\nOn Mon, Nov 2 Dana <d@x.com> wrote:\n> Just checking in';
    const d = makeDraft({ body });
    // `own` runs to the writer's last word; every character it keeps sits where it does in the text.
    expect(d.own).toBe('Hi Dana,\n\nJust checking in.');
    for (let i = 0; i < d.own.length; i++) if (d.own[i] !== ' ' && d.own[i] !== '\n') expect(d.own[i]).toBe(body[i]);
    expect(d.quoted.length).toBe(body.length);
    expect(d.quoted.indexOf('Just checking in')).toBe(body.lastIndexOf('Just checking in'));
  });

  it('reads a live exchange from the draft when no context says', () => {
    expect(makeDraft({ body: 'Thanks for your note! Here is the pricing you asked for.' }).exchange).toBe('live');
    expect(makeDraft({ body: 'As promised, the rollout plan is attached.' }).exchange).toBe('live');
    expect(makeDraft({ body: 'Just checking in on the proposal.' }).exchange).toBe('silence');
    // A nudge outweighs the recipient's old message quoted below it.
    const nudge = 'Circling back since it has been a while. Any update?\n\nOn Mon, Nov 2 Dana <dana@x.com> wrote:\n> Thanks, will review.';
    expect(makeDraft({ body: nudge, to: ['dana@x.com'] }).exchange).toBe('silence');
    expect(makeDraft({ body: 'Sounds good.', context: { exchange: 'silence' } }).exchange).toBe('silence');
  });
});

describe('the exchange from the deal’s last touches', () => {
  it('is live when they spoke last, and silence when we did', () => {
    const body = 'Here is the pricing sheet.';
    expect(makeDraft({ body, context: { lastTouches: [{ at: '2026-11-20T09:00:00Z', direction: 'out' }, { at: '2026-11-21T09:00:00Z', direction: 'in' }] } }).exchange).toBe('live');
    expect(makeDraft({ body: 'Thanks for your note!', context: { lastTouches: [{ at: '2026-11-21T09:00:00Z', direction: 'out' }] } }).exchange).toBe('silence');
    expect(makeDraft({ body, context: { exchange: 'silence', lastTouches: [{ at: '2026-11-21T09:00:00Z', direction: 'in' }] } }).exchange).toBe('silence');
  });
});
