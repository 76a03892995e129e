/**
 * End to end: the popup's deals in Chromium. A conversation recorded through the worker
 * becomes a deal; the popup shows it with its advice and the check before a call, logs a
 * call, and marks a deal do-not-contact.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchExtension, SKIP_NOTICE, type ExtensionHarness } from '../support/chromium.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const WAIT = 20_000;

if (!chromiumAvailable()) console.warn(SKIP_NOTICE);

describe.skipIf(!chromiumAvailable())('the popup’s deals in Chromium', () => {
  let ext: ExtensionHarness;
  let popup: Page;
  beforeAll(async () => {
    ext = await launchExtension();
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('says there are no deals yet, and where they come from', async () => {
    popup = await ext.openExtensionPage('popup/popup.html');
    await popup.getByText('No deals yet.', { exact: false }).waitFor({ timeout: WAIT });
    expect(await popup.getByRole('button', { name: 'Import from your CRM' }).count()).toBe(1);
  });

  it('shows a deal from a conversation with its advice, and the check before a call', async () => {
    // Relative to the real clock: they wrote yesterday (a reply is owed); we wrote to Sam an hour ago (wait).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await popup.evaluate(
      async ([y, h]) => {
        await chrome.runtime.sendMessage({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: y, direction: 'in', text: 'Can you send pricing for 40 seats?' }] });
        await chrome.runtime.sendMessage({ type: 'record-sent', to: ['sam.rivers@gmail.com'], at: h, body: 'Here is the checklist.' });
      },
      [yesterday, hourAgo] as const,
    );
    await popup.reload();
    const rows = popup.locator('li.deal');
    await rows.first().waitFor({ timeout: WAIT });
    expect(await rows.count()).toBe(2);
    // Deals to act on come first.
    await expect(rows.nth(0).locator('.deal-name').textContent()).resolves.toBe('Northwind Freight');
    await expect(rows.nth(0).locator('.chip').textContent()).resolves.toBe('Act');
    await expect(rows.nth(1).locator('.chip').textContent()).resolves.toBe('Wait');
    await expect(popup.getByText('1 deal to act on now', { exact: false }).count()).resolves.toBe(1);

    await rows.nth(0).locator('.deal-head').click();
    const check = rows.nth(0).locator('fieldset.call-check');
    await check.waitFor({ timeout: WAIT });
    for (const box of await check.getByRole('checkbox').all()) await box.check();
    await check.getByText('Ready: make it count.').waitFor({ timeout: WAIT });
  });

  it('logs a call, after which the deal waits', async () => {
    const row = popup.locator('li.deal', { has: popup.locator('.deal-name', { hasText: 'Northwind Freight' }) });
    await row.getByRole('button', { name: 'Log a call' }).click();
    await popup.waitForFunction(() => [...document.querySelectorAll('li.deal')].every((li) => li.querySelector('.chip')?.textContent !== 'Act'), undefined, { timeout: WAIT });
    await expect(popup.getByText('Nothing is due', { exact: false }).count()).resolves.toBe(1);
  });

  it('marks a deal do-not-contact after asking', async () => {
    popup.once('dialog', (d) => void d.accept());
    const row = popup.locator('li.deal', { has: popup.locator('.deal-name', { hasText: 'sam.rivers@gmail.com' }) });
    await row.locator('.deal-head').click();
    await row.getByRole('button', { name: 'Do not contact' }).click();
    await popup.locator('li.deal .chip', { hasText: 'Stop' }).waitFor({ timeout: WAIT });
  });

  it('logs no error and sends nothing out of the browser', async () => {
    expect(ext.errors).toEqual([]);
    expect(await ext.serviceWorkerErrors()).toEqual([]);
    expect(ext.externalRequests()).toEqual([]);
  });
});
