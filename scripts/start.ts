/**
 * `npm start`: opens Chromium with the freshly built extension (dist/chrome) in a
 * throwaway profile, on a demo webmail page with a few demo deals, so a newcomer sees
 * Touchwise work with no account. The demo page is answered locally (Playwright serves
 * scripts/demo/webmail.html at https://mail.google.com/touchwise-demo/, where the content
 * script runs); every other address in that window behaves normally.
 *
 *   npm start                 build, then open the demo
 *   npm start -- --headless   the same without a window: checks the demo works, then exits
 *
 * Chromium comes from TOUCHWISE_CHROMIUM, else the usual install paths. Google Chrome's
 * branded builds no longer load unpacked extensions from the command line; load
 * dist/chrome by hand there (README: "Try it in your own browser").
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { demoMessages } from './demo/deals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const extension = join(root, 'dist/chrome');
export const DEMO_URL = 'https://mail.google.com/touchwise-demo/';
const headless = process.argv.includes('--headless');

const CANDIDATES = [
  process.env.TOUCHWISE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
].filter((p): p is string => !!p);

function chromiumPath(): string | undefined {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  try {
    const bundled = chromium.executablePath(); // a Playwright-installed Chromium, if any
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('No build in dist/chrome: run `npm run build` first (npm start does).');
  process.exit(1);
}
const executablePath = chromiumPath();
if (!executablePath) {
  console.error(
    [
      'No Chromium found to open the demo in.',
      "Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`), or set TOUCHWISE_CHROMIUM to its path.",
      `Or load ${extension} into your own browser: chrome://extensions → Developer mode → Load unpacked.`,
    ].join('\n'),
  );
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'touchwise-demo-'));
const args = [
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--disable-component-update',
  '--disable-background-networking',
  '--disable-quic',
  ...(headless ? ['--headless=new', '--disable-gpu'] : []),
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false, // the flag above decides; Playwright's own headless mode drops extensions
  ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  args,
  viewport: null,
});
const cleanup = (): void => {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    console.error(`Could not delete the demo profile at ${profile}; it is safe to delete by hand.`);
  }
};
process.once('exit', cleanup);
context.on('close', () => process.exit(0));
process.on('SIGINT', () => void context.close().finally(() => process.exit(0)));

await context.route(DEMO_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(root, 'scripts/demo/webmail.html'), 'utf8') }));

const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
const extensionId = new URL(worker.url()).host;

// The demo deals go in through the worker, as a webmail page would send them.
const seeder = await context.newPage();
await seeder.goto(`chrome-extension://${extensionId}/popup/popup.html`);
for (const message of demoMessages()) {
  const reply = (await seeder.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage(m), message)) as {
    ok: boolean;
    error?: string;
  };
  if (!reply.ok) console.error(`demo deal not added: ${reply.error}`);
}
await seeder.close();

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
if (headless) {
  // Write what reps write most, and wait for the banner's answer.
  await page.locator('[g_editable]').click();
  await page.keyboard.type('Hi Dana, just checking in. Any update?');
  await page.locator('touchwise-banner[data-verdict]').waitFor({ state: 'attached', timeout: 30_000 });
  const verdict = await page.locator('touchwise-banner').getAttribute('data-verdict');
  const rules = await page.locator('touchwise-banner').getAttribute('data-rules');
  const deal = await page.locator('touchwise-banner').getAttribute('data-deal-verdict');
  console.log(`demo ok: the banner shows "${verdict}" (${rules}; the deal says ${deal ?? 'nothing'}) on ${DEMO_URL}`);
  await context.close();
} else {
  console.log(`Touchwise is running on ${DEMO_URL} (a local demo page). Close the browser window to stop.`);
}
