/**
 * End to end: the built extension in Chromium on webmail pages served at the real
 * sites' addresses (Playwright routes mail.google.com and outlook.office.com to the
 * fixture pages). The content script reads the composer, the banner shows what the
 * worker's scorer says as the draft is typed, a send is recorded, the thread's history
 * too, the opt-in confirmation holds back a blocked draft, and nothing leaves the browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchExtension, SKIP_NOTICE, type ExtensionHarness } from '../support/chromium.ts';
import { fixtureHtml } from '../content/load.ts';
import type { Backup } from '../../src/index.ts';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, message: unknown): Promise<unknown> };
};

const WAIT = 20_000;
const GMAIL = 'https://mail.google.com/mail/u/0/';
const OUTLOOK_HOSTS = ['https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com'];
const BANNER = 'touchwise-banner';

const CHECK_IN = 'Hi Dana, just checking in to see if you had any thoughts. Let me know!';
const GOOD =
  'Hi Dana, you mentioned dock delays at the Denver site. Attached is a one-page benchmark from a carrier your size: detention fees fell 18% in a quarter. Would Tuesday at 10 work for 20 minutes? If the timing is wrong, just tell me and I will stop reaching out.';

if (!chromiumAvailable()) console.warn(SKIP_NOTICE);

/** Replaces the composer's text the way a user does: select all, then type. */
async function typeDraft(page: Page, body: string, text: string): Promise<void> {
  const editor = page.locator(body).first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Waits until the banner lists this rule among its findings. */
async function bannerFinds(page: Page, rule: string): Promise<void> {
  await page.waitForFunction(([tag, r]) => (document.querySelector(tag)?.getAttribute('data-rules') ?? '').split(',').includes(r), [BANNER, rule] as const, { timeout: WAIT });
}

async function bannerSays(page: Page, verdict: string): Promise<{ rules: string; text: string }> {
  const banner = page.locator(`${BANNER}[data-verdict="${verdict}"]`);
  await banner.waitFor({ state: 'attached', timeout: WAIT });
  return { rules: (await banner.getAttribute('data-rules')) ?? '', text: (await banner.locator('.banner').textContent()) ?? '' };
}

describe.skipIf(!chromiumAvailable())('webmail in Chromium', () => {
  let ext: ExtensionHarness;
  let worker: Page;
  const ask = async <T,>(message: unknown): Promise<T> => {
    const reply = await worker.evaluate((m) => chrome.runtime.sendMessage(m), message);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  };

  beforeAll(async () => {
    ext = await launchExtension({
      serve: {
        'https://mail.google.com': {
          '/mail/u/0/': fixtureHtml('gmail/compose-new.html'),
          '/mail/u/1/': fixtureHtml('gmail/reply-inline.html'),
          // A page whose styles try to reach everything, and which has its own .banner.
          '/mail/u/2/': fixtureHtml('gmail/compose-new.html').replace(
            '</head>',
            '<style>* { color: rgb(255, 0, 0) !important; font-size: 30px !important; line-height: 3 !important; }</style></head>',
          ).replace('<body class="aAU">', '<body class="aAU"><div class="banner finding" id="page-banner">the page’s own banner</div>'),
        },
        ...Object.fromEntries(OUTLOOK_HOSTS.map((h) => [h, { '/mail/': fixtureHtml('outlook/compose-new.html'), '/mail/inbox/id/AAQkAGI2/': fixtureHtml('outlook/reply.html') }])),
        'https://example.test': { '/': '<!doctype html><title>not webmail</title><div contenteditable="true" role="textbox">Just checking in</div>' },
      },
    });
    worker = await ext.openExtensionPage('popup/popup.html');
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the verdict in a banner on Gmail as the draft is typed, and keeps it current', async () => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL);
    await typeDraft(page, '[g_editable="true"]', CHECK_IN);
    await bannerFinds(page, 'empty-checkin');
    const weak = await bannerSays(page, 'revise');
    expect(weak.rules.split(',')).toContain('empty-checkin');
    expect(weak.text).toContain('Empty check-in');
    expect(await page.locator(BANNER).count()).toBe(1);
    // The banner sits just below the body, outside the editable area: the email never carries it.
    expect(await page.locator('[g_editable="true"]').evaluate((el) => el.nextElementSibling?.tagName)).toBe('TOUCHWISE-BANNER');
    expect(await page.locator('[g_editable="true"]').innerHTML()).not.toContain('touchwise');

    await typeDraft(page, '[g_editable="true"]', GOOD);
    await page.waitForFunction((tag) => !document.querySelector(tag)?.getAttribute('data-rules')?.includes('empty-checkin'), BANNER, { timeout: WAIT });
    const better = await page.locator(BANNER).getAttribute('data-verdict');
    expect(['send', 'revise']).toContain(better);

    // Tab from the subject still lands in the body; the banner's buttons come after it.
    await page.locator('input[name="subjectbox"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('g_editable'))).toBe('true');
    // Keyboard reachable: the banner's buttons take focus.
    const dismiss = page.locator(BANNER).getByRole('button', { name: 'Hide Touchwise for this draft' });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(BANNER).isHidden()).resolves.toBe(true);
    await page.close();
  });

  it('keeps the page’s styles out of the banner, and its own styles out of the page', async () => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL.replace('/0/', '/2/'));
    await typeDraft(page, '[g_editable="true"]', CHECK_IN);
    await bannerFinds(page, 'empty-checkin');
    const inside = await page.locator(BANNER).locator('.banner').evaluate((el) => {
      const cs = getComputedStyle(el);
      const finding = el.querySelector('.finding');
      return { color: cs.color, fontSize: cs.fontSize, findingSize: finding ? getComputedStyle(finding).fontSize : '' };
    });
    expect(inside.color).not.toBe('rgb(255, 0, 0)');
    expect(inside.fontSize).toBe('13px');
    expect(inside.findingSize).toBe('13px');
    const outside = await page.locator('#page-banner').evaluate((el) => ({ borderLeft: getComputedStyle(el).borderLeftWidth, padding: getComputedStyle(el).paddingTop }));
    expect(outside).toEqual({ borderLeft: '0px', padding: '0px' });
    await page.close();
  });

  it('records the send as a touch on the recipient’s deal', async () => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL);
    await typeDraft(page, '[g_editable="true"]', GOOD);
    await page.locator(`${BANNER}[data-verdict]`).waitFor({ state: 'attached', timeout: WAIT });
    await page.locator('[role="dialog"] div.T-I.aoO').click();
    // Gmail closes the window once the message is on its way.
    await page.evaluate(() => document.querySelector('[role="dialog"]')?.remove());
    await expect
      .poll(async () => (await ask<Backup>({ type: 'export-backup' })).touches.filter((t) => t.direction === 'out' && t.contact === 'dana@northwind-freight.com').length, { timeout: WAIT })
      .toBe(1);
    const backup = await ask<Backup>({ type: 'export-backup' });
    const touch = backup.touches.find((t) => t.direction === 'out' && t.contact === 'dana@northwind-freight.com')!;
    expect(touch.text).toContain('detention fees fell 18%');
    expect(touch.text).not.toContain('<');
    expect(backup.deals.map((d) => d.id)).toEqual(expect.arrayContaining(['domain:northwind-freight.com']));
    await expect(page.locator(BANNER).count()).resolves.toBe(0);
    await page.close();
  });

  it('reads an open Gmail conversation into the deal’s history', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${GMAIL.replace('/0/', '/1/')}#inbox/FMfcgzQbdrNQqnxNzKXvJzLhVvzmFwzW`);
    await page.locator(`${BANNER}[data-verdict]`).waitFor({ state: 'attached', timeout: WAIT });
    await expect
      .poll(async () => (await ask<Backup>({ type: 'export-backup' })).touches.filter((t) => t.direction === 'in' && t.contact === 'dana@northwind-freight.com').length, { timeout: WAIT })
      .toBeGreaterThan(0);
    const touches = (await ask<Backup>({ type: 'export-backup' })).touches.filter((t) => t.contact === 'dana@northwind-freight.com' && t.direction === 'in');
    expect(touches.some((t) => t.text?.includes('The audit wrapped up early'))).toBe(true);
    await page.close();
  });

  it('answers the popup’s question about what it can read on the page', async () => {
    const page = await ext.context.newPage();
    await page.goto(GMAIL);
    await page.locator(`${BANNER}`).waitFor({ state: 'attached', timeout: WAIT });
    const health = await worker.evaluate(async () => {
      const out: unknown[] = [];
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          out.push(await chrome.tabs.sendMessage(tab.id, { type: 'page-health' }));
        } catch {
          /* no content script in that tab */
        }
      }
      return out;
    });
    expect(health).toEqual([{ site: 'gmail', composers: 1, recognised: true }]);
    await page.close();
  });

  it('runs on all three Outlook hosts', async () => {
    for (const host of OUTLOOK_HOSTS) {
      const page = await ext.context.newPage();
      await page.goto(`${host}/mail/inbox/id/AAQkAGI2/`);
      await typeDraft(page, '[role="textbox"][contenteditable="true"][aria-label^="Message body"]', CHECK_IN);
      await bannerFinds(page, 'empty-checkin');
      expect(await page.locator(BANNER).getAttribute('data-verdict'), host).toBe('revise');
      await page.close();
    }
  });

  it('with the opt-in setting, asks before sending a blocked draft; declining keeps it unsent', async () => {
    const deals = await ask<{ deal: { id: string } }[]>({ type: 'list-deals' });
    const dana = deals.find((d) => d.deal.id === 'domain:northwind-freight.com')!;
    await ask({ type: 'mark-do-not-contact', dealId: dana.deal.id, doNotContact: true });
    await ask({ type: 'save-settings', settings: { confirmBeforeBlockedSend: true } });
    const before = (await ask<Backup>({ type: 'export-backup' })).touches.length;

    const page = await ext.context.newPage();
    await page.goto(GMAIL);
    await typeDraft(page, '[g_editable="true"]', GOOD);
    const blocked = await bannerSays(page, 'block');
    expect(blocked.rules.split(',')).toContain('do-not-contact');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageSawClick = page.evaluate(
      () => new Promise<boolean>((resolve) => {
        document.querySelector('[role="dialog"] div.T-I.aoO')!.addEventListener('click', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 1500);
      }),
    );
    await page.locator('[role="dialog"] div.T-I.aoO').click();
    expect(await pageSawClick).toBe(false);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('Touchwise');
    await page.evaluate(() => document.querySelector('[role="dialog"]')?.remove());
    await page.waitForTimeout(1500);
    expect((await ask<Backup>({ type: 'export-backup' })).touches.length).toBe(before);

    await ask({ type: 'save-settings', settings: { confirmBeforeBlockedSend: false } });
    await ask({ type: 'mark-do-not-contact', dealId: dana.deal.id, doNotContact: false });
    await page.close();
  });

  it('does nothing on other sites, reports no errors, and sends nothing anywhere', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://example.test/');
    await page.locator('[contenteditable]').click();
    await page.keyboard.type(' and more');
    await page.waitForTimeout(800);
    expect(await page.locator(BANNER).count()).toBe(0);
    await page.close();
    expect(ext.errors.filter((e) => !/Failed to load resource/.test(e.text))).toEqual([]);
    expect(ext.externalRequests()).toEqual([]);
  });
});
