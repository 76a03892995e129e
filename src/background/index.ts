/**
 * The background worker: the only writer of stored data, and where drafts are scored.
 * Listeners are registered synchronously at the top level, so the browser can wake the
 * worker for an event and find its handler in place.
 */
import browser from 'webextension-polyfill';
import { handleMessage } from './messages.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only this extension's own pages and content scripts may talk to the worker. onMessage
  // hears nothing else today (no externally_connectable); the check keeps it so if that changes.
  if (sender.id !== browser.runtime.id) return undefined;
  return Promise.resolve(handleMessage(message));
});
