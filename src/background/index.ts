/**
 * The background worker: the only writer of stored data, where drafts are scored and
 * deals advised. Listeners are registered synchronously at the top level, so the browser
 * can wake the worker for an event and find its handler in place.
 */
import browser from 'webextension-polyfill';
import { Store } from '../store/db.ts';
import { createHandler, dueCount, type DealWithAdvice } from './messages.ts';
import type { Reply } from '../shared/messages.ts';
import { readSettings } from '../shared/settings.ts';

let store: Promise<Store> | undefined;
/** Opened on first use; a failure is retried on the next message rather than kept. */
function openStore(): Promise<Store> {
  store ??= Store.open().catch((e) => {
    store = undefined;
    throw e;
  });
  return store;
}

const handle = createHandler({
  store: openStore,
  now: () => new Date(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  settings: async () => readSettings((await browser.storage.sync.get('settings')).settings),
  saveSettings: (settings) => browser.storage.sync.set({ settings }),
});

const REFRESH = 'touchwise-refresh';

/** The toolbar badge: how many deals are due for action now. */
async function refreshBadge(): Promise<void> {
  const reply = (await handle({ type: 'list-deals' })) as Reply<DealWithAdvice[]>;
  if (!reply.ok) {
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setTitle({ title: `Touchwise: ${reply.error}` });
    return;
  }
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
