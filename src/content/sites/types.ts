/**
 * The one interface every webmail site implements. Adding a site means adding one
 * adapter file (and its selectors and fixtures), then listing it in `index.ts`.
 *
 * Adapters only read the page: they never write to it, never throw into it, and do
 * no work beyond one cheap query when no composer is open.
 */

/**
 * Where a composer is shown:
 * - `new`: a compose window inside the page (Gmail's docked "New Message" window,
 *   Outlook's new mail in the reading pane);
 * - `reply`: a reply (or forward) written inline in the open conversation;
 * - `popout`: a reply or forward popped out of its conversation into a window of its
 *   own, or any composer in a separate browser window;
 * - `fullscreen`: a compose window maximised over the page (Gmail).
 */
export type ComposerKind = 'new' | 'reply' | 'popout' | 'fullscreen';

export interface ComposerSnapshot {
  /** Stable for as long as the composer stays open, unique within the page. */
  id: string;
  subject: string;
  /** Addresses, lowercased, deduplicated, in page order. Bcc is never read. */
  to: string[];
  cc: string[];
  /**
   * The editable HTML exactly as the page holds it, quoted history and signature
   * included: the scorer strips Gmail's gmail_quote/gmail_signature and Outlook's
   * divRplyFwdMsg/appendonsend/Signature blocks itself.
   */
  bodyHtml: string;
  bodyElement: HTMLElement;
  kind: ComposerKind;
}

export interface ThreadMessage {
  /** The page's id for the message, when it shows one. */
  id?: string;
  /** The sender's address, lowercased ('' when the page shows only a name). */
  from: string;
  fromName?: string;
  /** ISO 8601 (UTC); null when the page's date could not be read. */
  at: string | null;
  /** The message's own words: quoted history and signature left out. */
  text: string;
}

export interface SiteHealth {
  site: string;
  /** Composers read on the page just now. */
  composers: number;
  /** True when the page still shows the markers this adapter was written against. */
  recognised: boolean;
  /** What looks wrong, in plain words, when something does. */
  problem?: string;
}

export interface SiteAdapter {
  site: string;
  matches(url: URL): boolean;
  /** Every open composer; [] (quickly) when none. Never throws. */
  composers(root: Document): ComposerSnapshot[];
  /** The open conversation's messages, oldest first; [] when none. Never throws. */
  thread(root: Document): ThreadMessage[];
  /** Never throws. */
  health(root: Document): SiteHealth;
  /**
   * When `target` is (or is inside) a composer's Send control, that composer's id (as
   * in its snapshot); null for anything else. Never throws.
   */
  sentFrom(target: Element): string | null;
  /** Whether a key press inside a composer sends it (Ctrl/Cmd+Enter on both sites). */
  sendsOnKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean;
  /** The signed-in user's own address, when the page shows it; null otherwise. Never throws. */
  account(root: Document): string | null;
}
