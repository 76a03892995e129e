// The content script's page watch on fixture pages: it follows composers, shows the
// background's verdict in the banner, records sends and threads, and never breaks the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type Ask, type PageWatch } from '../../src/content/composers.ts';
import { BANNER_TAG } from '../../src/content/banner.tsx';
import { gmail } from '../../src/content/sites/gmail.ts';
import { outlook } from '../../src/content/sites/outlook.ts';
import type { SiteAdapter } from '../../src/content/sites/index.ts';
import type { DraftVerdict, Message } from '../../src/shared/messages.ts';
import { closeAll, load, page } from './load.ts';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrNQqnxNzKXvJzLhVvzmFwzW';
const OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2';

const watches: PageWatch[] = [];
afterEach(async () => {
  for (const w of watches.splice(0)) w.stop();
  await closeAll();
});

const REVISE: DraftVerdict = {
  score: 55,
  verdict: 'revise',
  findings: [
    { rule: 'opt-out', severity: 'info', message: 'Offer a way out.', start: 0, end: 1 },
    { rule: 'empty-checkin', severity: 'error', message: 'It only checks in.', start: 0, end: 5 },
    { rule: 'next-step', severity: 'warning', message: 'Propose one next step.', start: 0, end: 5 },
  ],
};
const SEND: DraftVerdict = { score: 96, verdict: 'send', findings: [] };
const BLOCK: DraftVerdict = { score: 0, verdict: 'block', findings: [{ rule: 'do-not-contact', severity: 'error', message: 'Dana asked not to be contacted.', start: 0, end: 0 }] };

/** A fake background: records every message and answers score-draft with what `verdict` gives for the draft. */
function background(verdict: (body: string) => DraftVerdict = () => REVISE, settings: Record<string, unknown> = {}) {
  const sent: Message[] = [];
  const ask = vi.fn(async (message: Message) => {
    sent.push(message);
    if (message.type === 'score-draft') return { ok: true, value: verdict(message.draft.body) };
    if (message.type === 'get-settings') return { ok: true, value: { confirmBeforeBlockedSend: false, ...settings } };
    return { ok: true, value: {} };
  }) as unknown as Ask & ReturnType<typeof vi.fn>;
  const of = <T extends Message['type']>(type: T) => sent.filter((m): m is Extract<Message, { type: T }> => m.type === type);
  return { ask, sent, of };
}

function watch(doc: Document, adapter: SiteAdapter, ask: Ask, extra: Partial<Parameters<typeof watchPage>[0]> = {}): PageWatch {
  const w = watchPage({ document: doc, adapter, ask, debounceMs: 5, ...extra });
  watches.push(w);
  return w;
}

const banners = (doc: Document) => [...doc.querySelectorAll(BANNER_TAG)] as HTMLElement[];
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, ms = 2000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await settle(5);
  }
};
const gmailBody = (doc: Document) => doc.querySelector('[g_editable="true"]') as HTMLElement;

function fire(doc: Document, target: Element, type: string, init: Record<string, unknown> = {}): Event {
  const win = doc.defaultView as unknown as { MouseEvent: typeof MouseEvent; KeyboardEvent: typeof KeyboardEvent; Event: typeof Event };
  const Ctor = type.startsWith('key') ? win.KeyboardEvent : type.includes('mouse') || type === 'click' || type.startsWith('pointer') ? win.MouseEvent : win.Event;
  const event = new Ctor(type, { bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('page watch: the banner', () => {
  it('puts one banner below the open composer’s body with the verdict and rule ids, worst first', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    await watch(doc, gmail, bg.ask).refresh();
    const [banner, ...rest] = banners(doc);
    expect(rest).toEqual([]);
    expect(banner!.previousElementSibling).toBe(gmailBody(doc));
    expect(banner!.dataset.verdict).toBe('revise');
    expect(banner!.dataset.rules).toBe('empty-checkin,next-step,opt-out');
    const shadow = banner!.shadowRoot!;
    expect(shadow.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe('polite');
    expect(shadow.textContent).toContain('It only checks in.');
    // The top findings only, until the user asks for all.
    expect(shadow.textContent).not.toContain('Offer a way out.');
    (shadow.querySelector('button.toggle') as HTMLElement).click();
    await settle();
    expect(shadow.textContent).toContain('Offer a way out.');
    expect(shadow.querySelector('button.toggle')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('sends the draft as the composer holds it: HTML, subject, To and Cc together', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    await watch(doc, gmail, bg.ask).refresh();
    const [request] = bg.of('score-draft');
    expect(request!.draft).toMatchObject({
      html: true,
      subject: 'Lane-by-lane cost model for Northwind',
      to: ['dana@northwind-freight.com', 'priya.raman@northwind-freight.com', 'ops@northwind-freight.com'],
    });
    expect(request!.draft.body).toBe(gmailBody(doc).innerHTML);
  });

  it('follows edits: scores again after the debounce and keeps data-verdict current', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background((body) => (body.includes('pays for the pilot') ? SEND : REVISE));
    await watch(doc, gmail, bg.ask).refresh();
    expect(banners(doc)[0]!.dataset.verdict).toBe('revise');
    gmailBody(doc).innerHTML = '<div>Dana, the model is attached: lane 4 pays for the pilot.</div>';
    await until(() => banners(doc)[0]!.dataset.verdict === 'send');
    expect(banners(doc)[0]!.dataset.rules).toBe('');
    gmailBody(doc).innerHTML = '<div>Just checking in.</div>';
    await until(() => banners(doc)[0]!.dataset.verdict === 'revise');
    expect(bg.of('score-draft')).toHaveLength(3);
  });

  it('scores a burst of edits once, and never re-scores an unchanged draft', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask, { debounceMs: 40 });
    await w.refresh();
    for (let i = 0; i < 10; i++) gmailBody(doc).append(doc.createTextNode(` word${i}`));
    await settle(150);
    expect(bg.of('score-draft')).toHaveLength(2);
    await w.refresh();
    expect(bg.of('score-draft')).toHaveLength(2);
  });

  it('drops a reply that a newer draft overtook', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const resolvers: ((v: unknown) => void)[] = [];
    const ask = (async (m: Message) => {
      if (m.type !== 'score-draft') return { ok: true, value: {} };
      return new Promise((resolve) => resolvers.push(resolve));
    }) as unknown as Ask;
    const w = watch(doc, gmail, ask);
    await settle();
    gmailBody(doc).innerHTML = '<div>Second draft.</div>';
    const second = w.refresh();
    await until(() => resolvers.length === 2);
    resolvers[1]!({ ok: true, value: SEND });
    await second;
    resolvers[0]!({ ok: true, value: REVISE });
    await settle();
    expect(banners(doc)[0]!.dataset.verdict).toBe('send');
  });

  it('shows the deal: silence and wait-or-act', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const bg = background(() => ({ ...SEND, deal: { id: 'domain:northwind-freight.com', name: 'Northwind Freight', verdict: 'wait', until, silenceDays: 9, unansweredTouches: 2, reason: 'Two touches went unanswered.' } }));
    await watch(doc, gmail, bg.ask).refresh();
    const banner = banners(doc)[0]!;
    expect(banner.dataset.dealVerdict).toBe('wait');
    const text = banner.shadowRoot!.textContent!;
    expect(text).toContain('Northwind Freight · silent 9 days · 2 unanswered');
    expect(text).toContain('Wait until');
    expect(text).toContain('Two touches went unanswered.');
  });

  it('says so when the background cannot score, and tries again on the next edit', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    let fail = true;
    const ask = (async (m: Message) => (m.type === 'score-draft' && fail ? { ok: false, error: 'the store is locked' } : m.type === 'score-draft' ? { ok: true, value: SEND } : { ok: true, value: {} })) as unknown as Ask;
    await watch(doc, gmail, ask).refresh();
    expect(banners(doc)[0]!.dataset.state).toBe('unavailable');
    expect(banners(doc)[0]!.shadowRoot!.textContent).toContain('the store is locked');
    fail = false;
    gmailBody(doc).append(doc.createTextNode(' more'));
    await until(() => banners(doc)[0]!.dataset.verdict === 'send');
  });

  it('takes the page’s theme: dark beside a dark composer, the system’s when the page paints none', async () => {
    const dark = load('gmail/compose-new.html', INBOX);
    (dark.querySelector('[role="dialog"]') as HTMLElement).style.backgroundColor = 'rgb(32, 33, 36)';
    await watch(dark, gmail, background().ask).refresh();
    expect(banners(dark)[0]!.dataset.theme).toBe('dark');
    const light = load('gmail/compose-new.html', INBOX);
    (light.querySelector('[role="dialog"]') as HTMLElement).style.backgroundColor = 'rgb(255, 255, 255)';
    await watch(light, gmail, background().ask).refresh();
    expect(banners(light)[0]!.dataset.theme).toBe('light');
    const bare = load('gmail/compose-new.html', INBOX);
    await watch(bare, gmail, background().ask).refresh();
    expect(banners(bare)[0]!.dataset.theme).toBeUndefined();
  });

  it('can be dismissed for this draft, and stays hidden while it is edited', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background((body) => (body.includes('changed') ? SEND : REVISE));
    await watch(doc, gmail, bg.ask).refresh();
    const banner = banners(doc)[0]!;
    (banner.shadowRoot!.querySelector('button.dismiss') as HTMLElement).click();
    expect(banner.hidden).toBe(true);
    gmailBody(doc).innerHTML = '<div>changed</div>';
    await until(() => banner.dataset.verdict === 'send');
    expect(banner.hidden).toBe(true);
  });

  it('waits for words: an empty composer is not scored', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    gmailBody(doc).innerHTML = '<div><br></div>';
    const bg = background();
    await watch(doc, gmail, bg.ask).refresh();
    expect(bg.of('score-draft')).toEqual([]);
    expect(banners(doc)[0]!.dataset.state).toBe('empty');
    expect(banners(doc)[0]!.dataset.verdict).toBeUndefined();
    gmailBody(doc).innerHTML = '<div>Just checking in.</div>';
    await until(() => banners(doc)[0]!.dataset.verdict === 'revise');
  });

  it('follows several composers at once, each with its own banner', async () => {
    const doc = load('gmail/two-composers.html', THREAD);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    expect(w.tracked()).toHaveLength(2);
    expect(banners(doc)).toHaveLength(2);
    for (const b of banners(doc)) expect(b.previousElementSibling!.getAttribute('g_editable')).toBe('true');
  });

  it('removes the banner when the composer closes', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    expect(banners(doc)).toEqual([]);
    expect(w.tracked()).toEqual([]);
    expect(bg.of('record-sent')).toEqual([]); // closed without Send: discarded, not sent
  });

  it('works the same on Outlook', async () => {
    const doc = load('outlook/reply.html', OUTLOOK);
    const bg = background();
    await watch(doc, outlook, bg.ask).refresh();
    const [banner] = banners(doc);
    expect(banner!.dataset.verdict).toBe('revise');
    expect(banner!.previousElementSibling!.getAttribute('role')).toBe('textbox');
    expect(bg.of('score-draft')[0]!.draft.to).toContain('dana@northwind-freight.com');
  });
});

describe('page watch: sending', () => {
  const sendButton = (doc: Document) => doc.querySelector('[role="dialog"] div.T-I.aoO') as HTMLElement;

  it('records the send when Send is clicked and the composer closes', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask, { now: () => new Date('2026-11-20T15:00:00Z') });
    await w.refresh();
    const bodyHtml = gmailBody(doc).innerHTML;
    fire(doc, sendButton(doc), 'click');
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    const [sent, ...more] = bg.of('record-sent');
    expect(more).toEqual([]);
    expect(sent).toEqual({
      type: 'record-sent',
      to: ['dana@northwind-freight.com', 'priya.raman@northwind-freight.com', 'ops@northwind-freight.com'],
      at: '2026-11-20T15:00:00.000Z',
      subject: 'Lane-by-lane cost model for Northwind',
      body: bodyHtml,
      html: true,
    });
  });

  it('records the send on Ctrl+Enter in the body', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    fire(doc, gmailBody(doc), 'keydown', { key: 'Enter', ctrlKey: true });
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    expect(bg.of('record-sent')).toHaveLength(1);
  });

  it('records nothing when Send was pressed but the composer stayed open', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    fire(doc, sendButton(doc), 'click');
    await w.refresh();
    expect(bg.of('record-sent')).toEqual([]);
  });

  it('records nothing when something other than Send was clicked before the composer closed', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    fire(doc, doc.querySelector('[role="dialog"] input[name="subjectbox"]')!, 'click');
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    expect(bg.of('record-sent')).toEqual([]);
  });

  it('records an Outlook send (its Send button)', async () => {
    const doc = load('outlook/compose-new.html', 'https://outlook.office.com/mail/');
    const bg = background();
    const w = watch(doc, outlook, bg.ask);
    await w.refresh();
    fire(doc, doc.querySelector('button[aria-label="Send"] span')!, 'click');
    for (const b of [...doc.querySelectorAll('[contenteditable="true"][role="textbox"]')]) b.remove();
    await w.refresh();
    expect(bg.of('record-sent')).toHaveLength(1);
    expect(bg.of('record-sent')[0]!.html).toBe(true);
  });

  it('never stands in the way of Send unless the user asked: a blocked draft goes through', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background(() => BLOCK);
    const confirm = vi.fn(() => false);
    const w = watch(doc, gmail, bg.ask, { confirm });
    await w.refresh();
    await settle();
    const event = fire(doc, sendButton(doc), 'click');
    expect(event.defaultPrevented).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('with the opt-in setting, asks before sending a blocked draft; declining stops the send', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background(() => BLOCK, { confirmBeforeBlockedSend: true });
    const confirm = vi.fn<(question: string) => boolean>(() => false);
    const w = watch(doc, gmail, bg.ask, { confirm });
    await w.refresh();
    await settle();
    const pageSaw: string[] = [];
    for (const type of ['mousedown', 'mouseup', 'click']) sendButton(doc).addEventListener(type, () => pageSaw.push(type));
    for (const type of ['mousedown', 'mouseup', 'click']) fire(doc, sendButton(doc), type);
    expect(confirm).toHaveBeenCalledTimes(1); // once per gesture, not once per event
    expect(confirm.mock.calls[0]![0]).toContain('Dana asked not to be contacted.');
    expect(pageSaw).toEqual([]);
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    expect(bg.of('record-sent')).toEqual([]);
  });

  it('with the opt-in setting, sends a blocked draft when the user confirms', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background(() => BLOCK, { confirmBeforeBlockedSend: true });
    const w = watch(doc, gmail, bg.ask, { confirm: () => true });
    await w.refresh();
    await settle();
    const pageSaw: string[] = [];
    sendButton(doc).addEventListener('click', () => pageSaw.push('click'));
    fire(doc, sendButton(doc), 'click');
    expect(pageSaw).toEqual(['click']);
    doc.querySelector('[role="dialog"]')!.remove();
    await w.refresh();
    expect(bg.of('record-sent')).toHaveLength(1);
  });

  it('does not ask about a draft that is not blocked', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background(() => REVISE, { confirmBeforeBlockedSend: true });
    const confirm = vi.fn(() => false);
    const w = watch(doc, gmail, bg.ask, { confirm });
    await w.refresh();
    await settle();
    expect(fire(doc, sendButton(doc), 'click').defaultPrevented).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('page watch: the conversation', () => {
  it('sends the open thread with each message’s direction, the prospect being the other party', async () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    const bg = background();
    await watch(doc, gmail, bg.ask).refresh();
    const [thread, ...more] = bg.of('record-thread');
    expect(more).toEqual([]);
    expect(thread!.prospect).toBe('dana@northwind-freight.com');
    const expected = gmail.thread(doc).filter((m) => m.at);
    expect(thread!.messages.map((m) => m.direction)).toEqual(expected.map((m) => (m.from === 'sam.ortiz@brightlane.io' ? 'out' : 'in')));
    expect(thread!.messages.some((m) => m.direction === 'in')).toBe(true);
    expect(thread!.messages.some((m) => m.direction === 'out')).toBe(true);
    expect(thread!.messages.map((m) => m.at)).toEqual(expected.map((m) => m.at));
  });

  it('sends an unchanged thread once', async () => {
    const doc = load('gmail/reply-inline.html', THREAD);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    await w.refresh();
    expect(bg.of('record-thread')).toHaveLength(1);
  });

  it('knows whose messages are whose from the reply’s recipients when the page shows no account', async () => {
    const doc = load('outlook/reply.html', OUTLOOK);
    const bg = background();
    await watch(doc, outlook, bg.ask).refresh();
    const [thread] = bg.of('record-thread');
    expect(thread!.prospect).toBe('dana@northwind-freight.com');
    const expected = outlook.thread(doc).filter((m) => m.at && m.from);
    expect(thread!.messages.map((m) => m.direction)).toEqual(expected.map((m) => (m.from === 'dana@northwind-freight.com' || m.from === 'priya.raman@northwind-freight.com' ? 'in' : 'out')));
  });
});

describe('page watch: no composer, no work; never breaks the page', () => {
  it('does nothing on a page without a composer, however much the page changes', async () => {
    const doc = page('<html><body><div id="app"><input aria-label="Search mail"></div></body></html>', INBOX);
    const bg = background();
    const adapter = { ...gmail, composers: vi.fn(gmail.composers), thread: vi.fn(gmail.thread) };
    watch(doc, adapter, bg.ask);
    await settle();
    const reads = adapter.composers.mock.calls.length;
    expect(reads).toBe(1); // the one look when the script starts
    const app = doc.getElementById('app')!;
    for (let i = 0; i < 200; i++) app.append(doc.createElement('div'));
    fire(doc, app, 'input');
    fire(doc, app, 'keyup', { key: 'a' });
    fire(doc, app, 'click');
    await settle(50);
    expect(adapter.composers.mock.calls.length).toBe(reads);
    expect(bg.sent).toEqual([]);
  });

  it('looks for a composer when an editor gets focus', async () => {
    const doc = page('<html><body><div id="app"></div></body></html>', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await settle();
    const app = doc.getElementById('app')!;
    app.innerHTML = '<div role="dialog"><form><input name="subjectbox" value="Pilot"><div name="to"><div role="option" data-hovercard-id="dana@northwind-freight.com"></div></div></form><div g_editable="true" role="textbox" contenteditable="true" id=":z1">Hi Dana</div></div>';
    fire(doc, app.querySelector('[g_editable]')!, 'focusin');
    await until(() => w.tracked().length === 1);
    await until(() => banners(doc)[0]?.dataset.verdict === 'revise');
  });

  it('lets no exception reach the page when the adapter or the background fails', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const broken: SiteAdapter = {
      ...gmail,
      composers: () => {
        throw new Error('adapter broke');
      },
      sentFrom: () => {
        throw new Error('adapter broke');
      },
    };
    const ask = (async () => {
      throw new Error('worker asleep');
    }) as unknown as Ask;
    const w = watch(doc, broken, ask);
    await expect(w.refresh()).resolves.toBeUndefined();
    const w2 = watch(load('gmail/compose-new.html', INBOX), gmail, ask);
    await expect(w2.refresh()).resolves.toBeUndefined();
  });

  it('keeps its listeners’ failures to itself', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const errors: unknown[] = [];
    doc.defaultView!.addEventListener('error', (e) => errors.push(e));
    const broken: SiteAdapter = {
      ...gmail,
      sentFrom: () => {
        throw new Error('adapter broke');
      },
      sendsOnKey: () => {
        throw new Error('adapter broke');
      },
    };
    const w = watch(doc, broken, background().ask);
    await w.refresh();
    expect(w.tracked()).toHaveLength(1);
    const pageSaw: string[] = [];
    const send = doc.querySelector('[role="dialog"] div.T-I.aoO')!;
    send.addEventListener('click', () => pageSaw.push('click'));
    fire(doc, send, 'click');
    fire(doc, gmailBody(doc), 'keydown', { key: 'Enter', ctrlKey: true });
    expect(pageSaw).toEqual(['click']);
    expect(errors).toEqual([]);
  });

  it('tears everything down when the extension goes away (updated or removed)', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const onGone = vi.fn();
    const ask = (async () => {
      throw new Error('Extension context invalidated.');
    }) as unknown as Ask;
    const w = watch(doc, gmail, ask, { onGone });
    await w.refresh();
    await settle();
    expect(onGone).toHaveBeenCalledTimes(1);
    expect(banners(doc)).toEqual([]);
    expect(w.tracked()).toEqual([]);
  });

  it('puts the banner back when the page moves it out', async () => {
    const doc = load('gmail/compose-new.html', INBOX);
    const bg = background();
    const w = watch(doc, gmail, bg.ask);
    await w.refresh();
    banners(doc)[0]!.remove();
    gmailBody(doc).append(doc.createTextNode(' edit'));
    await w.refresh();
    expect(banners(doc)).toHaveLength(1);
    expect(banners(doc)[0]!.previousElementSibling).toBe(gmailBody(doc));
  });
});
