/**
 * End to end: the options page of the built extension in Chromium saves settings through
 * the background, imports a CRM export into the store, and saves a backup, with no error
 * and no request leaving the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchExtension, SKIP_NOTICE, type ExtensionHarness } from '../support/chromium.ts';

const WAIT = 20_000;
const CSV = 'Record ID,Deal Name,Deal Stage,Associated Contact\r\n101,Northwind pilot,Qualified to buy,Dana Reyes (dana@northwind-freight.com)\r\n102,Kelpie renewal,Contract sent,\r\n';

if (!chromiumAvailable()) console.warn(SKIP_NOTICE);

describe.skipIf(!chromiumAvailable())('the options page in Chromium', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => {
    ext = await launchExtension();
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('saves a setting, and shows it again after a reload', async () => {
    const page = await ext.openExtensionPage('options/options.html');
    const tail = page.getByLabel('Long tail (business days)');
    await tail.waitFor({ timeout: WAIT });
    await tail.fill('40');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor({ timeout: WAIT });
    await page.reload();
    await page.getByLabel('Long tail (business days)').waitFor({ timeout: WAIT });
    expect(await page.getByLabel('Long tail (business days)').inputValue()).toBe('40');
    await page.close();
  });

  it('imports a CRM export, and says which rows it took', async () => {
    const page = await ext.openExtensionPage('options/options.html');
    await page.getByLabel('CRM export (CSV)').setInputFiles({ name: 'hubspot-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByText('Imported 2 deals from the hubspot export.').waitFor({ timeout: WAIT });
    await page.close();
  });

  it('saves a backup file holding the imported deals', async () => {
    const page = await ext.openExtensionPage('options/options.html');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.getByRole('button', { name: 'Save a backup' }).click()]);
    const path = await download.path();
    const backup = JSON.parse((await import('node:fs')).readFileSync(path!, 'utf8'));
    expect(backup).toMatchObject({ format: 'touchwise-backup', version: 1 });
    expect(backup.deals.map((d: { name: string }) => d.name).sort()).toEqual(['Kelpie renewal', 'Northwind pilot']);
    await page.close();
  });

  it('logs no error and sends nothing out of the browser', async () => {
    expect(ext.errors.filter((e) => !/ERR_FAILED/.test(e.text))).toEqual([]);
    expect(await ext.serviceWorkerErrors()).toEqual([]);
    expect(ext.externalRequests()).toEqual([]);
  });
});
