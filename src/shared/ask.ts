/** How the extension's pages ask the background: one message, one typed reply, never a throw. */
import browser from 'webextension-polyfill';
import type { Message, Reply } from './messages.ts';

export async function ask<T>(message: Message): Promise<Reply<T>> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply<T>;
  } catch (e) {
    return { ok: false, error: `The Touchwise worker did not answer (${(e as Error).message}).` };
  }
}
