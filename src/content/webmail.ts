/**
 * The content script for Gmail and Outlook on the web: picks the site's adapter and
 * watches the page (composers.ts). It answers the popup's question about what it can
 * read on this page. Bundled as an IIFE; it carries no zod, no rules engine and no
 * free-mail list: the background scores and advises.
 */
import browser from 'webextension-polyfill';
import type { Message, Reply } from '../shared/messages.ts';
import { watchPage } from './composers.ts';
import { adapterFor } from './sites/index.ts';

const adapter = adapterFor(location.href);

if (adapter) {
  const ask = async <T>(message: Message): Promise<Reply<T>> => (await browser.runtime.sendMessage(message)) as Reply<T>;
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== 'page-health') return undefined;
    return Promise.resolve(adapter.health(document));
  };
  browser.runtime.onMessage.addListener(onMessage);
  watchPage({
    document,
    adapter,
    ask,
    onGone: () => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        /* the extension is gone already */
      }
    },
  });
}
