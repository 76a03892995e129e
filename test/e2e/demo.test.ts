/**
 * End to end: `npm start`'s demo, in headless mode. The start script opens Chromium with
 * the built extension on the demo webmail page with its demo deals, types a check-in,
 * and prints what the banner says: the check the README's newcomer runs by hand.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumAvailable, SKIP_NOTICE } from '../support/chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

if (!chromiumAvailable()) console.warn(SKIP_NOTICE);

describe.skipIf(!chromiumAvailable())('npm start (the demo)', () => {
  it('opens the demo page with the extension and its deals, and the banner answers a check-in', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--headless'], {
      cwd: root,
      env: { ...process.env, TOUCHWISE_CHROMIUM: CHROMIUM_PATH },
      timeout: 90_000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('demo ok:'));
    expect(line).toBeDefined();
    // A check-in to Dana, who asked for numbers two days ago: revise the draft, and a reply is owed.
    expect(line).toMatch(/shows "revise" \([^)]*empty-checkin[^)]*; the deal says act\)/);
  }, 120_000);
});
