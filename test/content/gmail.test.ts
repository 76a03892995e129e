// The Gmail adapter against fixture pages reproducing Gmail's compose and thread views.
import { afterEach, describe, expect, it } from 'vitest';
import { gmail } from '../../src/content/sites/gmail.ts';
import { adapterFor, ADAPTERS } from '../../src/content/sites/index.ts';
import { closeAll, countQueries, fixtureHtml, load, local, page, throwingDocument } from './load.ts';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrNQqnxNzKXvJzLhVvzmFwzW';

afterEach(closeAll);

describe('gmail: matches', () => {
  it('claims mail.google.com over https only', () => {
    expect(gmail.matches(new URL(INBOX))).toBe(true);
    expect(gmail.matches(new URL('https://mail.google.com/mail/?view=cm&fs=1&to=dana@northwind-freight.com'))).toBe(true);
    for (const url of [
      'http://mail.google.com/mail/u/0/',
      'https://google.com/',
      'https://mail.google.com.evil.example/',
      'https://evil.example/mail.google.com/',
      'https://inbox.google.com/',
      'https://outlook.office.com/mail/',
    ]) {
      expect(gmail.matches(new URL(url)), url).toBe(false);
    }
  });

  it('is the adapter for Gmail pages', () => {
    expect(adapterFor(INBOX)).toBe(gmail);
    expect(adapterFor(new URL(THREAD))).toBe(gmail);
    expect(adapterFor('https://example.com/')).toBeNull();
    expect(adapterFor('not a url')).toBeNull();
    expect(ADAPTERS).toContain(gmail);
  });
});

describe('gmail: a new message', () => {
  it('reads the docked compose window: subject, recipients (lowercased, no Bcc), body, kind', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const [composer, ...rest] = gmail.composers(doc);
    expect(rest).toEqual([]);
    expect(composer).toMatchObject({
      id: 'gmail::p3',
      subject: 'Lane-by-lane cost model for Northwind',
      to: ['dana@northwind-freight.com'],
      cc: ['priya.raman@northwind-freight.com', 'ops@northwind-freight.com'],
      kind: 'new',
    });
    expect(composer!.bodyElement.getAttribute('aria-label')).toBe('Message Body');
    expect(composer!.bodyHtml).toBe(composer!.bodyElement.innerHTML);
    expect(composer!.bodyHtml).toContain('the three Midwest lanes carry 71% of the savings');
    expect(composer!.bodyHtml).toContain('class="gmail_signature"');
    expect([...composer!.to, ...composer!.cc]).not.toContain('crm-log@brightlane.io');
  });

  it('gives the same composer the same id on every read', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    expect(gmail.composers(doc).map((c) => c.id)).toEqual(gmail.composers(doc).map((c) => c.id));
    const body = doc.querySelector('[g_editable="true"]')!;
    body.removeAttribute('id');
    const [first] = gmail.composers(doc);
    const [again] = gmail.composers(doc);
    expect(first!.id).toMatch(/^gmail#\d+$/);
    expect(again!.id).toBe(first!.id);
  });

  it('sees edits: the body and subject as they are now', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    (doc.querySelector('input[name="subjectbox"]') as HTMLInputElement).value = 'Your lanes, costed';
    doc.querySelector('[g_editable="true"]')!.innerHTML = '<div>Just checking in.</div>';
    const [composer] = gmail.composers(doc);
    expect(composer!.subject).toBe('Your lanes, costed');
    expect(composer!.bodyHtml).toBe('<div>Just checking in.</div>');
  });

  it('takes inbox rows for what they are: no conversation is open', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    expect(gmail.thread(doc)).toEqual([]);
  });

  it('reports a healthy page', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    expect(gmail.health(doc)).toEqual({ site: 'gmail', composers: 1, recognised: true });
  });

  it('knows a maximised compose window, by its button or its container', () => {
    const byLabel = load('gmail/compose-new.html', INBOX);
    const button = byLabel.querySelector('[aria-label^="Full screen"]')!;
    button.setAttribute('aria-label', 'Exit full screen (Shift for pop-out)');
    expect(gmail.composers(byLabel)[0]!.kind).toBe('fullscreen');

    const byContainer = load('gmail/compose-new.html', INBOX);
    const dialog = byContainer.querySelector('[role="dialog"]')!;
    const outer = byContainer.createElement('div');
    outer.className = 'aSs';
    const inner = byContainer.createElement('div');
    inner.className = 'aSt';
    outer.appendChild(inner);
    byContainer.body.appendChild(outer);
    inner.appendChild(dialog);
    expect(gmail.composers(byContainer)[0]!.kind).toBe('fullscreen');
  });

  it('knows a compose window in a browser window of its own', () => {
    const byUrl = load('gmail/compose-new.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1');
    expect(gmail.composers(byUrl)[0]!.kind).toBe('popout');
    const byBody = load('gmail/compose-new.html', INBOX);
    byBody.body.className = 'xE xp';
    expect(gmail.composers(byBody)[0]!.kind).toBe('popout');
  });
});

describe('gmail: an inline reply in a conversation', () => {
  it('reads the reply: the conversation subject, the chips, the body with its gmail_quote', () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    const composers = gmail.composers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]).toMatchObject({
      id: 'gmail::9w',
      subject: 'Pilot scope for Q1',
      to: ['dana@northwind-freight.com'],
      cc: [],
      kind: 'reply',
    });
    expect(composers[0]!.bodyHtml).toContain('Glad the audit is behind you.');
    expect(composers[0]!.bodyHtml).toContain('class="gmail_quote gmail_quote_container"');
  });

  it('reads the conversation oldest first: senders, dates, and their own words only', () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    const messages = gmail.thread(doc);
    expect(messages).toEqual([
      {
        id: '#msg-f:1848457710233512210',
        from: 'sam.ortiz@brightlane.io',
        fromName: 'Sam Ortiz',
        at: local(2026, 10, 27, 10, 5),
        text: 'Hi Dana, thanks for the call today. Here is the pilot outline we discussed: three lanes, six weeks, and a cost model your team can audit line by line.',
      },
      {
        id: '#msg-f:1848980120044871305',
        from: 'dana@northwind-freight.com',
        fromName: 'Dana Whitfield',
        at: local(2026, 11, 2, 9, 14),
        text: "Thanks Sam. We're heads-down on the freight audit until the 10th, send me the numbers after that and I'll take a look.",
      },
      {
        id: '#msg-f:1849101734219960420',
        from: 'sam.ortiz@brightlane.io',
        fromName: 'Sam Ortiz',
        at: local(2026, 11, 4, 16, 2),
        text: "Understood, good luck with the audit. I'll have the lane-by-lane numbers ready for when you're out the other side.",
      },
      {
        id: '#msg-f:1849002375110481114',
        from: 'dana@northwind-freight.com',
        fromName: 'Dana Whitfield',
        at: local(2026, 11, 10, 14, 47),
        text: 'Hi Sam,\nThe audit wrapped up early. Can you send the lane-by-lane numbers and a two-line summary of what the pilot would cost? Priya will join if we meet.\nDana',
      },
    ]);
  });

  it('never takes the "to me" line or the open reply for a sender', () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    const senders = gmail.thread(doc).map((m) => m.from);
    expect(senders).not.toContain('priya.raman@northwind-freight.com');
    expect(senders).toHaveLength(4);
  });

  it('reports a healthy page', () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    expect(gmail.health(doc)).toEqual({ site: 'gmail', composers: 1, recognised: true });
  });
});

describe('gmail: two composers at once', () => {
  it('reads each with its own recipients: the inline reply and the popped-out reply', () => {
    const doc = load('gmail/two-composers.html', THREAD);
    const composers = gmail.composers(doc);
    expect(composers.map(({ id, subject, to, cc, kind }) => ({ id, subject, to, cc, kind }))).toEqual([
      { id: 'gmail::b1', subject: 'Freight audit timing', to: ['marcus.bell@halvorsen-logistics.com'], cc: ['jo.keane@halvorsen-logistics.com'], kind: 'reply' },
      { id: 'gmail::d3', subject: 'Re: Pilot scope for Q1', to: ['dana@northwind-freight.com'], cc: ['priya.raman@northwind-freight.com'], kind: 'popout' },
    ]);
    expect(composers[0]!.bodyHtml).toContain("I'll wait to hear from you after the 16th.");
    expect(composers[1]!.bodyHtml).toContain('lane 4 uses the winter rates');
  });

  it('reads the open conversation, not the popped-out one', () => {
    const doc = load('gmail/two-composers.html', THREAD);
    expect(gmail.thread(doc)).toEqual([
      {
        id: '#msg-f:1848700000000000001',
        from: 'sam.ortiz@brightlane.io',
        fromName: 'Sam Ortiz',
        at: local(2026, 11, 5, 8, 30),
        text: "Marcus, a one-page summary of how Halvorsen's detention charges compare with the lanes we benchmarked is attached.",
      },
      {
        id: '#msg-f:1848811203957700131',
        from: 'marcus.bell@halvorsen-logistics.com',
        fromName: 'Marcus Bell',
        at: local(2026, 11, 9, 11, 20),
        text: "Thanks for the note. We start the carrier review on the 16th; please don't call before then, I'll reach out once we have a shortlist.\nMarcus",
      },
    ]);
    expect(gmail.health(doc)).toEqual({ site: 'gmail', composers: 2, recognised: true });
  });

  it('tells a new message from a reply once the reply is closed', () => {
    const doc = load('gmail/two-composers.html', THREAD);
    doc.querySelector('.ip')!.remove();
    const popout = doc.querySelector('[role="dialog"]')!;
    popout.querySelector('[aria-label="Type of response"]')!.remove();
    (popout.querySelector('input[name="subjectbox"]') as HTMLInputElement).value = 'Winter rates';
    popout.querySelector('.gmail_quote')!.remove();
    expect(gmail.composers(doc).map((c) => c.kind)).toEqual(['new']);
  });
});

describe('gmail: a page it does not recognise', () => {
  it('finds nothing, throws nothing, and says so', () => {
    const doc = load('gmail/unrecognised.html', THREAD);
    expect(gmail.composers(doc)).toEqual([]);
    expect(gmail.thread(doc)).toEqual([]);
    const health = gmail.health(doc);
    expect(health).toMatchObject({ site: 'gmail', composers: 0, recognised: false });
    expect(health.problem).toMatch(/editor is open.*Gmail may have changed/);
  });

  it('does not take an Outlook page for Gmail', () => {
    const doc = load('outlook/reply.html', 'https://mail.google.com/mail/u/0/');
    expect(gmail.composers(doc)).toEqual([]);
    expect(gmail.health(doc).recognised).toBe(false);
  });

  it('survives an empty document, garbage, and a page whose every query throws', () => {
    const empty = page('', INBOX);
    expect(gmail.composers(empty)).toEqual([]);
    expect(gmail.thread(empty)).toEqual([]);
    expect(gmail.health(empty)).toMatchObject({ composers: 0, recognised: false });

    const garbage = page(
      `<div role="dialog"><div g_editable="true" contenteditable="true" role="textbox"><div g_editable="true" contenteditable="true"></div></div></div>
       <div name="to"><span data-hovercard-id="not an address"></span><span email="@@"></span><input value="a@b"></div>
       <div role="list"><div role="listitem"><span email="X@y.example"></span><span class="g3" title="Febtember 40, 99999, 25:61 PM"></span><div class="a3s"><blockquote></div></div></div>
       <input name="subjectbox"><table><tr><td><textarea name="cc">one@two.example, broken@ , &lt;three@four.example&gt;</textarea></td></tr></table>`,
      INBOX,
    );
    const composers = gmail.composers(garbage);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.to).toEqual([]);
    expect(composers[0]!.cc).toEqual(['one@two.example', 'three@four.example']);
    expect(gmail.thread(garbage)).toEqual([{ from: 'x@y.example', at: null, text: '' }]);
    expect(() => gmail.health(garbage)).not.toThrow();

    const broken = throwingDocument();
    expect(gmail.composers(broken)).toEqual([]);
    expect(gmail.thread(broken)).toEqual([]);
    expect(gmail.health(broken)).toMatchObject({ site: 'gmail', composers: 0, recognised: false });
  });

  it('reports a composer it found but could not read, instead of throwing', () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const body = doc.querySelector('[g_editable="true"]')!;
    Object.defineProperty(body, 'innerHTML', {
      get(): string {
        throw new Error('detached');
      },
    });
    expect(gmail.composers(doc)).toEqual([]);
    const health = gmail.health(doc);
    expect(health).toMatchObject({ recognised: true, composers: 0 });
    expect(health.problem).toMatch(/failed: detached/);
  });

  it('does one query and nothing else when no composer is open', () => {
    const html = fixtureHtml('gmail/compose-new.html');
    const doc = page(html, INBOX);
    doc.querySelector('.dw')!.remove();
    const queries = countQueries(doc);
    expect(gmail.composers(doc)).toEqual([]);
    expect(queries()).toBe(1);
  });
});

describe('gmail: send controls and the account', () => {
  it('knows which composer a Send click belongs to, and nothing else is Send', () => {
    const doc = load('gmail/two-composers.html', THREAD);
    const ids = gmail.composers(doc).map((c) => c.id);
    const sends = [...doc.querySelectorAll('div.T-I.aoO[role="button"]')];
    expect(sends.length).toBeGreaterThan(0);
    const owners = sends.map((b) => gmail.sentFrom(b));
    for (const owner of owners) expect(ids).toContain(owner);
    expect(new Set(owners).size).toBe(2);
    // A click on text inside the button counts; the body, the subject and a lookalike button do not.
    const inner = doc.createElement('span');
    sends[0]!.append(inner);
    expect(gmail.sentFrom(inner)).toBe(owners[0]);
    const body = doc.querySelector('[g_editable="true"]')!;
    expect(gmail.sentFrom(body)).toBeNull();
    const options = doc.createElement('div');
    options.setAttribute('role', 'button');
    options.setAttribute('aria-label', 'More send options');
    sends[0]!.parentElement!.append(options);
    expect(gmail.sentFrom(options)).toBeNull();
  });

  it('sends on Ctrl+Enter and Cmd+Enter only', () => {
    expect(gmail.sendsOnKey({ key: 'Enter', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
    expect(gmail.sendsOnKey({ key: 'Enter', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
    expect(gmail.sendsOnKey({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
    expect(gmail.sendsOnKey({ key: 'Enter', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  });

  it('reads the signed-in account from the account button, else the window title', () => {
    expect(gmail.account(load('gmail/compose-new.html', INBOX))).toBe('sam.ortiz@brightlane.io');
    expect(gmail.account(page('<html><head><title>Inbox (2) - lee@example.org - Gmail</title></head><body></body></html>', INBOX))).toBe('lee@example.org');
    expect(gmail.account(page('<html><body></body></html>', INBOX))).toBeNull();
    expect(gmail.account(throwingDocument())).toBeNull();
  });
});
