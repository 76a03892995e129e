/**
 * The background worker: the only writer of stored data, where drafts are scored and
 * deals advised. Listeners are registered synchronously at the top level, so the browser
 * can wake the worker for an event and find its handler in place.
 */
import browser from 'webextension-polyfill';
import { Store } from '../store/db.ts';
import { createHandler, dueCount, waitsEnded, type DealWithAdvice } from './messages.ts';
import type { Reply } from '../shared/messages.ts';
import { readSettings, type Settings } from '../shared/settings.ts';

let store: Promise<Store> | undefined;
/** Opened on first use; a failure is retried on the next message rather than kept. */
function openStore(): Promise<Store> {
  store ??= Store.open().catch((e) => {
    store = undefined;
    throw e;
  });
  return store;
}

/**
 * The settings, read from storage.sync once and kept until they change: every draft is
 * scored with them, and a storage read per keystroke pause is time the banner waits.
 */
let settingsCache: Promise<Settings> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'settings' in changes) settingsCache = undefined;
});
function cachedSettings(): Promise<Settings> {
  settingsCache ??= browser.storage.sync.get('settings').then(
    (stored) => readSettings(stored.settings),
    (e: unknown) => {
      settingsCache = undefined;
      throw e;
    },
  );
  return settingsCache;
}

const handle = createHandler({
  store: openStore,
  now: () => new Date(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  settings: cachedSettings,
  saveSettings: (settings) => {
    settingsCache = Promise.resolve(settings);
    return browser.storage.sync.set({ settings });
  },
});

const REFRESH = 'touchwise-refresh';

/**
 * The optional notification (off by default; the permission is asked for only when the
 * user turns it on): a deal the last refresh said to wait on is now due for action.
 */
async function notifyEndedWaits(deals: DealWithAdvice[]): Promise<void> {
  const { lastVerdicts = {} } = (await browser.storage.local.get('lastVerdicts')) as { lastVerdicts?: Record<string, string> };
  await browser.storage.local.set({ lastVerdicts: Object.fromEntries(deals.map((d) => [d.deal.id, d.advice.verdict])) });
  const settings = (await handle({ type: 'get-settings' })) as Reply<{ notifyWhenWaitEnds: boolean }>;
  if (!settings.ok || !settings.value.notifyWhenWaitEnds || !browser.notifications) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  for (const d of waitsEnded(lastVerdicts, deals).slice(0, 5)) {
    await browser.notifications.create(`touchwise-${d.deal.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/128.png'),
      title: `${d.deal.name}: the wait is over`,
      message: 'Act only with something of value to them.',
    });
  }
}

/** The toolbar badge: how many deals are due for action now. */
async function refreshBadge(): Promise<void> {
  const reply = (await handle({ type: 'list-deals' })) as Reply<DealWithAdvice[]>;
  if (!reply.ok) {
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setTitle({ title: `Touchwise: ${reply.error}` });
    return;
  }
  await notifyEndedWaits(reply.value);
  const due = dueCount(reply.value);
  await browser.action.setBadgeBackgroundColor({ color: '#0d7377' });
  await browser.action.setBadgeText({ text: due ? String(due) : '' });
  await browser.action.setTitle({ title: due ? `Touchwise: ${due} deal${due === 1 ? '' : 's'} to act on` : 'Touchwise' });
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only this extension's own pages and content scripts may talk to the worker. onMessage
  // hears nothing else today (no externally_connectable); the check keeps it so if that changes.
  if (sender.id !== browser.runtime.id) return undefined;
  return handle(message).then(async (reply) => {
    // A new touch or deal can change what is due: keep the badge current.
    const type = (message as { type?: string } | null)?.type;
    if (reply.ok && type && type !== 'score-draft' && type !== 'list-deals') await refreshBadge().catch(() => undefined);
    return reply;
  });
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH) void refreshBadge().catch(() => undefined);
});

browser.runtime.onInstalled.addListener(() => {
  // Waits end on the hour more often than not: every 30 minutes is fresh enough.
  void browser.alarms.create(REFRESH, { periodInMinutes: 30, delayInMinutes: 1 });
});
browser.runtime.onStartup.addListener(() => void refreshBadge().catch(() => undefined));
