// The Outlook on the web adapter against fixture pages reproducing its compose form and reading pane.
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor, ADAPTERS } from '../../src/content/sites/index.ts';
import { outlook } from '../../src/content/sites/outlook.ts';
import { closeAll, countQueries, fixtureHtml, load, local, page, throwingDocument } from './load.ts';

const MAIL = 'https://outlook.office.com/mail/inbox/id/AAQkADk2NzE5ZWQ2LTk0NjMtNDg4Ni1hNWJhLTc4N2NjZDI4YjRmNQAQAKb8';
const NEW = 'https://outlook.office.com/mail/inbox';

afterEach(closeAll);

describe('outlook: matches', () => {
  it('claims the three Outlook on the web hosts over https only', () => {
    for (const url of ['https://outlook.office.com/mail/', 'https://outlook.office365.com/mail/inbox', 'https://outlook.live.com/mail/0/']) {
      expect(outlook.matches(new URL(url)), url).toBe(true);
      expect(adapterFor(url), url).toBe(outlook);
    }
    for (const url of [
      'http://outlook.office.com/mail/',
      'https://outlook.com/',
      'https://office.com/',
      'https://outlook.office.com.evil.example/mail/',
      'https://evil.example/outlook.live.com/',
      'https://mail.google.com/mail/u/0/',
    ]) {
      expect(outlook.matches(new URL(url)), url).toBe(false);
    }
    expect(ADAPTERS).toContain(outlook);
  });
});

describe('outlook: a new message', () => {
  it('reads the compose form: subject, recipients (lowercased, typed ones too, no Bcc), body, kind', () => {
    const doc = load('outlook/compose-new.html', NEW);
    const composers = outlook.composers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]).toMatchObject({
      id: 'outlook:MSG_18c2f9a7e41',
      subject: 'Lane-by-lane cost model for Northwind',
      to: ['dana@northwind-freight.com'],
      cc: ['priya.raman@northwind-freight.com', 'ops@northwind-freight.com'],
      kind: 'new',
    });
    const body = composers[0]!.bodyElement;
    expect(body.getAttribute('aria-label')).toBe('Message body');
    expect(composers[0]!.bodyHtml).toBe(body.innerHTML);
    expect(composers[0]!.bodyHtml).toContain('the three Midwest lanes carry 71% of the savings');
    expect(composers[0]!.bodyHtml).toContain('id="Signature"');
    expect([...composers[0]!.to, ...composers[0]!.cc]).not.toContain('crm-log@brightlane.io');
  });

  it('finds no conversation behind a new message, and reports a healthy page', () => {
    const doc = load('outlook/compose-new.html', NEW);
    expect(outlook.thread(doc)).toEqual([]);
    expect(outlook.health(doc)).toEqual({ site: 'outlook', composers: 1, recognised: true });
  });

  it('knows a composer in a window of its own', () => {
    for (const url of ['https://outlook.office.com/mail/deeplink/compose?popoutv2=1', 'https://outlook.live.com/mail/0/deeplink/compose', 'https://outlook.office365.com/mail/compose/AAMkAGI2']) {
      const doc = load('outlook/compose-new.html', url);
      expect(outlook.composers(doc)[0]!.kind, url).toBe('popout');
    }
  });

  it('reads a subject from the older "Add a subject" field', () => {
    const doc = load('outlook/compose-new.html', NEW);
    const input = doc.querySelector('input[id$="_SUBJECT"]')!;
    input.removeAttribute('id');
    input.setAttribute('aria-label', 'Add a subject');
    expect(outlook.composers(doc)[0]!.subject).toBe('Lane-by-lane cost model for Northwind');
  });
});

describe('outlook: a reply in the reading pane', () => {
  it('reads the inline reply: the conversation subject, recipients, the body with divRplyFwdMsg', () => {
    const doc = load('outlook/reply.html', MAIL);
    const composers = outlook.composers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]).toMatchObject({
      id: 'outlook:MSG_18c30b1d2a7',
      subject: 'Pilot scope for Q1',
      to: ['dana@northwind-freight.com'],
      cc: ['priya.raman@northwind-freight.com'],
      kind: 'reply',
    });
    expect(composers[0]!.bodyHtml).toContain('Glad the audit is behind you.');
    expect(composers[0]!.bodyHtml).toContain('id="divRplyFwdMsg"');
  });

  it('reads the conversation oldest first, whatever order the pane shows it in', () => {
    const doc = load('outlook/reply.html', MAIL);
    expect(outlook.thread(doc)).toEqual([
      {
        from: 'dana@northwind-freight.com',
        fromName: 'Dana Whitfield',
        at: local(2026, 11, 2, 9, 14),
        text: "Thanks Sam. We're heads-down on the freight audit until the 10th, send me the numbers after that and I'll take a look.",
      },
      {
        from: '',
        fromName: 'Sam Ortiz',
        at: local(2026, 11, 4, 16, 2),
        text: "Understood, good luck with the audit. I'll have the lane-by-lane numbers ready for when you're out the other side.",
      },
      {
        from: 'dana@northwind-freight.com',
        fromName: 'Dana Whitfield',
        at: local(2026, 11, 10, 14, 47),
        text: 'Hi Sam,\nThe audit wrapped up early. Can you send the lane-by-lane numbers and a two-line summary of what the pilot would cost? Priya will join if we meet.\nDana',
      },
    ]);
  });

  it('never takes the To line or the open reply for a sender', () => {
    const doc = load('outlook/reply.html', MAIL);
    const senders = outlook.thread(doc).map((m) => m.from);
    expect(senders).not.toContain('sam.ortiz@brightlane.io');
    expect(senders).not.toContain('priya.raman@northwind-freight.com');
  });

  it('reports a healthy page', () => {
    const doc = load('outlook/reply.html', MAIL);
    expect(outlook.health(doc)).toEqual({ site: 'outlook', composers: 1, recognised: true });
  });

  it('still reads the conversation once the reply is sent or discarded', () => {
    const doc = load('outlook/reply.html', MAIL);
    doc.querySelector('#docking_InitVisiblePart_0')!.remove();
    expect(outlook.composers(doc)).toEqual([]);
    expect(outlook.thread(doc).map((m) => m.at)).toEqual([local(2026, 11, 2, 9, 14), local(2026, 11, 4, 16, 2), local(2026, 11, 10, 14, 47)]);
    expect(outlook.health(doc)).toEqual({ site: 'outlook', composers: 0, recognised: true });
  });
});

describe('outlook: a page it does not recognise', () => {
  it('finds nothing, throws nothing, and says so', () => {
    const doc = load('outlook/unrecognised.html', MAIL);
    expect(outlook.composers(doc)).toEqual([]);
    expect(outlook.thread(doc)).toEqual([]);
    const health = outlook.health(doc);
    expect(health).toMatchObject({ site: 'outlook', composers: 0, recognised: false });
    expect(health.problem).toMatch(/editor is open.*Outlook may have changed/);
  });

  it('does not take a Gmail page for Outlook', () => {
    const doc = load('gmail/reply-inline.html', MAIL);
    expect(outlook.composers(doc)).toEqual([]);
    expect(outlook.thread(doc)).toEqual([]);
    expect(outlook.health(doc).recognised).toBe(false);
  });

  it('survives an empty document, garbage, and a page whose every query throws', () => {
    const empty = page('', NEW);
    expect(outlook.composers(empty)).toEqual([]);
    expect(outlook.thread(empty)).toEqual([]);
    expect(outlook.health(empty)).toMatchObject({ composers: 0, recognised: false });

    const garbage = page(
      `<div id="editorParent_1"><div role="textbox" contenteditable="true"><div id="editorParent_2"><div role="textbox" contenteditable="true"></div></div></div></div>
       <div role="group" id="_TO"><span class="_EType_RECIPIENT_ENTITY" aria-label="@"></span>Someone &lt;Some.One@Example.org&gt;</div>
       <div data-testid="SentReceivedSavedTime" title="99/99/9999 99:99"></div>
       <div id="UniqueMessageBody_x" role="document"><div id="x_divRplyFwdMsg">quoted</div></div>
       <div data-testid="SentReceivedSavedTime">Mon 2/30/2026</div><span aria-label="From: nobody"></span>`,
      NEW,
    );
    const composers = outlook.composers(garbage);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.to).toEqual(['some.one@example.org']);
    for (const message of outlook.thread(garbage)) {
      expect(message.at).toBeNull();
      expect(typeof message.text).toBe('string');
    }
    expect(() => outlook.health(garbage)).not.toThrow();

    const broken = throwingDocument();
    expect(outlook.composers(broken)).toEqual([]);
    expect(outlook.thread(broken)).toEqual([]);
    expect(outlook.health(broken)).toMatchObject({ site: 'outlook', composers: 0, recognised: false });
  });

  it('reports a composer it found but could not read, instead of throwing', () => {
    const doc = load('outlook/compose-new.html', NEW);
    const body = doc.querySelector('#editorParent_1 [role="textbox"]')!;
    Object.defineProperty(body, 'innerHTML', {
      get(): string {
        throw new Error('detached');
      },
    });
    expect(outlook.composers(doc)).toEqual([]);
    expect(outlook.health(doc).problem).toMatch(/failed: detached/);
  });

  it('does one query and nothing else when no composer is open', () => {
    const doc = page(fixtureHtml('outlook/compose-new.html'), NEW);
    doc.querySelector('[data-app-section="MailReadCompose"]')!.remove();
    const queries = countQueries(doc);
    expect(outlook.composers(doc)).toEqual([]);
    expect(queries()).toBe(1);
  });
});

describe('outlook: send controls and the account', () => {
  it('knows which composer a Send click belongs to', () => {
    const doc = load('outlook/reply.html', 'https://outlook.office.com/mail/inbox/id/AAQkAGI2');
    const [composer] = outlook.composers(doc);
    const send = doc.querySelector('button[aria-label="Send"]')!;
    expect(outlook.sentFrom(send)).toBe(composer!.id);
    expect(outlook.sentFrom(send.firstElementChild ?? send)).toBe(composer!.id);
    expect(outlook.sentFrom(composer!.bodyElement)).toBeNull();
  });

  it('sends on Ctrl+Enter and Alt+S', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(outlook.sendsOnKey(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(outlook.sendsOnKey(key('s', { altKey: true }))).toBe(true);
    expect(outlook.sendsOnKey(key('s', {}))).toBe(false);
    expect(outlook.sendsOnKey(key('Enter', {}))).toBe(false);
  });

  it('reads the account only where Outlook shows the address', () => {
    expect(outlook.account(load('outlook/reply.html', 'https://outlook.office.com/mail/'))).toBeNull();
    const doc = page('<html><body><div id="mectrl_currentAccount_secondary">sam.ortiz@brightlane.io</div></body></html>', 'https://outlook.office.com/mail/');
    expect(outlook.account(doc)).toBe('sam.ortiz@brightlane.io');
  });
});
