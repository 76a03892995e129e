/**
 * End to end: the built extension (dist/chrome) in headless Chromium. It loads, its
 * popup scores a draft through the service worker, nothing else can reach the scorer,
 * nothing logs an error, and no request leaves the browser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, EXTENSION_DIR, launchExtension, SKIP_NOTICE, type ExtensionHarness } from '../support/chromium.ts';

/** The slice of the extension API these tests call inside the browser. */
declare const chrome: {
  runtime: {
    id: string;
    getManifest(): { name: string; version: string; manifest_version: number };
    sendMessage(...args: unknown[]): Promise<unknown>;
  };
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const builtManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

const WEB = 'https://example.test';
const WAIT = 20_000;

const EMPTY_CHECKIN = 'Hi Dana,\n\nJust checking in. Any update?\n\nThanks,\nMarc';
const GOOD_FOLLOW_UP =
  "Hi Dana, you mentioned dock delays at the Denver site. Attached is a one-page benchmark from a carrier your size: detention fees fell 18% in a quarter. Would Tuesday at 10 work for 20 minutes? If the timing is wrong, just tell me and I'll stop reaching out.";

/** Waits until the popup shows this verdict (the popup scores 250 ms after the last keystroke). */
async function verdictBecomes(page: Page, verdict: 'send' | 'revise' | 'block'): Promise<void> {
  await page.waitForFunction((v) => document.querySelector('section[aria-live] .verdict')?.textContent?.trim() === v, verdict, { timeout: WAIT });
}

if (!chromiumAvailable()) console.warn(SKIP_NOTICE);

describe.skipIf(!chromiumAvailable())('the extension in Chromium', () => {
  let ext: ExtensionHarness;
  let popup: Page;
  /** A second extension, loaded beside Touchwise, that tries to use its scorer. */
  let intruderDir: string;

  beforeAll(async () => {
    intruderDir = mkdtempSync(join(tmpdir(), 'touchwise-intruder-'));
    writeFileSync(
      join(intruderDir, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Intruder', version: '1.0', background: { service_worker: 'sw.js' }, host_permissions: [`${WEB}/*`] }),
    );
    writeFileSync(join(intruderDir, 'sw.js'), '// Does nothing until a test drives it.\n');
    ext = await launchExtension({
      extraExtensions: [intruderDir],
      serve: {
        [WEB]: {
          '/': '<!doctype html><html><head><title>A web page</title></head><body><p>Not the extension.</p></body></html>',
          '/probe': { body: 'ok', contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' } },
        },
      },
    });
  }, 90_000);

  afterAll(async () => {
    try {
      await ext?.close();
    } finally {
      if (intruderDir) rmSync(intruderDir, { recursive: true, force: true });
    }
  });

  it('loads: its service worker starts and serves the built manifest', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(ext.extensionUrl('background.js'));
    const manifest = await ext.serviceWorker.evaluate(() => ({ id: chrome.runtime.id, manifest: chrome.runtime.getManifest() }));
    expect(manifest.id).toBe(ext.extensionId);
    expect(manifest.manifest).toMatchObject({ name: 'Touchwise', version: pkg.version, manifest_version: 3 });
    expect(manifest.manifest).toEqual(builtManifest);
  });

  it('scores a draft in the popup, end to end through the worker', async () => {
    popup = await ext.openExtensionPage('popup/popup.html');
    await expect(popup.title()).resolves.toBe('Touchwise');

    await popup.getByRole('tab', { name: 'Check a draft' }).click();
    await popup.getByLabel('To').fill('dana@northwind-freight.com');
    const draft = popup.getByLabel('Draft');
    await draft.pressSequentially(EMPTY_CHECKIN);
    await verdictBecomes(popup, 'revise');
    const findings = popup.locator('ul.findings > li');
    await findings.filter({ has: popup.locator('.rule', { hasText: /^Empty check-in$/ }) }).first().waitFor({ timeout: WAIT });
    expect(await findings.filter({ hasText: 'Empty check-in' }).first().getAttribute('class')).toBe('error');
    await expect(popup.locator('section[aria-live]').textContent()).resolves.toMatch(/score \d+\/100/);

    await draft.fill(GOOD_FOLLOW_UP);
    await verdictBecomes(popup, 'send');
    // Nothing left to fix: no error or warning, and no leftover finding from the check-in.
    expect(await popup.locator('ul.findings > li.error, ul.findings > li.warning').count()).toBe(0);
    expect(await popup.locator('ul.findings .rule', { hasText: 'Empty check-in' }).count()).toBe(0);
    // The worker answered: the popup shows no "did not answer" / "could not read" alert.
    expect(await popup.getByRole('alert').count()).toBe(0);

    // Clearing the draft clears the verdict.
    await draft.fill('');
    await popup.locator('section[aria-live] .verdict').waitFor({ state: 'detached', timeout: WAIT });
  });

  it('answers its own pages, and rejects a malformed message with a readable error', async () => {
    popup ??= await ext.openExtensionPage('popup/popup.html');
    const replies = await popup.evaluate(async () => ({
      bad: await chrome.runtime.sendMessage({ type: 'no-such-thing' }),
      good: await chrome.runtime.sendMessage({ type: 'score-draft', draft: { body: 'Just touching base. Any update?' } }),
    }));
    expect(replies.bad).toMatchObject({ ok: false, error: expect.stringMatching(/could not read that request/) });
    expect(replies.good).toMatchObject({ ok: true, value: { verdict: 'revise', findings: expect.arrayContaining([expect.objectContaining({ rule: 'empty-checkin' })]) } });
  });

  it('wakes its stopped service worker for a message, as after 30 s idle', async () => {
    popup ??= await ext.openExtensionPage('popup/popup.html');
    const startedAt = (): Promise<number> => ext.serviceWorker.evaluate(() => performance.timeOrigin);
    const before = await startedAt();
    await ext.stopServiceWorker();
    // Listeners are registered at the top level, so the restarted worker finds the message.
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'score-draft', draft: { body: 'Any update?' } }));
    expect(reply).toMatchObject({ ok: true, value: { verdict: 'revise' } });
    // A new worker global answered, not the old one.
    expect(await startedAt()).toBeGreaterThan(before);
  }, 45_000);

  it('cannot be reached by a web page or by another extension', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${WEB}/`);
    const fromPage = await page.evaluate(async (manifestUrl) => {
      const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } };
      let fetched: string;
      try {
        await fetch(manifestUrl);
        fetched = 'fetched';
      } catch {
        fetched = 'refused';
      }
      return { sendMessage: typeof g.chrome?.runtime?.sendMessage, fetched };
    }, ext.extensionUrl('manifest.json'));
    // No externally_connectable: a page gets no messaging API; no web_accessible_resources: it can't read the extension's files.
    expect(fromPage).toEqual({ sendMessage: 'undefined', fetched: 'refused' });
    await page.close();

    const intruder = await ext.serviceWorkerFor(ext.extensionIdFor(intruderDir));
    const fromExtension = await intruder.evaluate(async (touchwiseId) => {
      try {
        const reply = await chrome.runtime.sendMessage(touchwiseId, { type: 'score-draft', draft: { body: 'Any update?' } });
        return { answered: true, reply };
      } catch (e) {
        return { answered: false, error: String(e) };
      }
    }, ext.extensionId);
    expect(fromExtension).toMatchObject({ answered: false, error: expect.stringMatching(/Receiving end does not exist/) });

    // The recorder sees a worker's requests, so the network check below is not vacuous.
    await intruder.evaluate(async (url) => void (await fetch(url)), `${WEB}/probe`);
    expect(ext.requests).toContainEqual(expect.objectContaining({ url: `${WEB}/probe`, fromServiceWorker: true }));
  });

  it('logs no error from its pages or its service worker', async () => {
    const touchwise = (s: string): boolean => s.startsWith(ext.extensionUrl());
    expect(ext.errors.filter((e) => touchwise(e.source))).toEqual([]);
    // Read back from the worker itself: covers its start-up, before the test was listening.
    expect(await ext.serviceWorkerErrors()).toEqual([]);
    // Nor did the intruder. The web page logs one error, expected: the browser refused its
    // fetch of the extension's manifest (it goes to chrome-extension://invalid/).
    expect(ext.errors.filter((e) => !e.source.startsWith(WEB))).toEqual([]);
    for (const e of ext.errors.filter((e) => e.source.startsWith(WEB))) expect(e.text).toBe('Failed to load resource: net::ERR_FAILED');
  });

  it('sends no request outside the browser', () => {
    // The popup's own files were seen, so requests are being recorded at all.
    expect(ext.requests.map((r) => r.url)).toEqual(expect.arrayContaining([ext.extensionUrl('popup/popup.js'), ext.extensionUrl('popup/popup.css')]));
    expect(ext.externalRequests()).toEqual([]);
    // Touchwise itself fetched nothing but its own files.
    const fromTouchwise = ext.requests.filter((r) => r.initiator.startsWith(ext.extensionUrl()));
    expect(fromTouchwise.filter((r) => !r.url.startsWith(ext.extensionUrl()))).toEqual([]);
  });
});
