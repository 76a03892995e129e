/**
 * Every selector the Gmail adapter uses, in one place. Each list runs from the most
 * trusted alternative to the least: roles, stable attributes Gmail's own code relies
 * on (`g_editable`, `name="subjectbox"`, `name="to"`, `email=`, `data-hovercard-id`,
 * `data-message-id`, `gh=`), English aria-labels (Gmail localises them, so they only
 * help in English), and Gmail's generated class names last.
 *
 * The structure they target is reproduced in test/fixtures/gmail/ (compose-new.html,
 * reply-inline.html, two-composers.html; unrecognised.html is a redesign they must not
 * match). Sources, read for structure only: a saved Gmail compose window (the
 * evan-brass/js-min performance example), InboxSDK's compose page parser and message
 * and thread views (InboxSDK/InboxSDK, 2026), and public extensions that read Gmail's
 * thread headers (`span.gD[email]`, `span.g3[title]`, `div.a3s`, `h2.hP`).
 */
import type { Selectors } from './dom.ts';

export const GMAIL_SELECTORS = {
  /** The editable message body of a composer (floating window, inline reply, full screen). */
  body: [
    '[g_editable="true"][role="textbox"]',
    '[g_editable="true"][contenteditable="true"]',
    'div[role="textbox"][aria-label="Message Body"]',
    'div.Am.editable[contenteditable="true"]',
  ],
  /** What only a composer's own header holds: climbing from the body stops at the first ancestor holding one. */
  composerField: ['[name="to"]', 'input[name="subjectbox"]', '[name="cc"]', 'form input[name="composeid"]'],
  subject: ['input[name="subjectbox"]', 'input[aria-label="Subject"]', 'input.aoT'],
  /**
   * A recipient field: the 2021+ chip container `div[name="to"]` (its chips are
   * `[role="option"][data-hovercard-id][data-name]`), or the classic `textarea[name="to"]`
   * whose row holds `.vR` chips with `span[email]` and `input[type="hidden"][name="to"]`.
   */
  to: ['[name="to"]'],
  cc: ['[name="cc"]'],
  /** Inside a recipient field: a resolved recipient. */
  chip: ['[data-hovercard-id]', '[email]', '[role="option"][data-name]', '.vR'],
  /** Inside a recipient field: where a typed, not yet resolved address sits. */
  typed: ['input', 'textarea'],
  /** A floating compose window (new message, popped-out reply) and the full-screen one. */
  dialog: ['[role="dialog"]'],
  /** Inside a dialog: it is maximised (the button then offers to leave full screen). */
  fullscreen: ['[aria-label^="Exit full screen"]', '[data-tooltip^="Exit full screen"]'],
  fullscreenContainer: ['.aSt'],
  /** Inside a composer: the reply / forward type menu, which only answers have. */
  responseType: ['[aria-label="Type of response"]', '[data-tooltip="Type of response"]', '.HQ'],
  /** A composer sits in a conversation (an inline reply). */
  inThread: ['[role="listitem"]', '[data-message-id]', '.adn', '.ip', '.h7'],

  /** The open conversation's messages, one element each (first selector that finds any wins). */
  message: ['[role="list"] > [role="listitem"]', '.h7, .kv', '.adn'],
  /** A person shown in a message header (sender or recipient). */
  person: ['[email]', '[data-hovercard-id]'],
  messageId: ['[data-message-id]', '[data-legacy-message-id]'],
  /** The sender of a message: its heading's person, then Gmail's sender class, then the first person shown. */
  sender: ['h3 [email]', 'span.gD[email]', '[email]'],
  /** The date, whose `title` holds the full date and time. */
  date: ['span.g3[title]', '.gH [title]', 'span[alt][title]'],
  /** The message's body; collapsed messages only show a snippet. */
  messageBody: ['div.a3s', 'div.ii.gt'],
  snippet: ['.iA.g6', '.g6', 'span.y2'],
  threadSubject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP', '.ha h2'],

  /**
   * A composer's Send button: Gmail's send-button classes (unchanged for a decade), then
   * its tooltip and English label ("Send ‪(Ctrl-Enter)‬"). "More send options" and
   * "Schedule send" sit next to it and are told apart by their labels.
   */
  send: ['div.T-I.aoO[role="button"]', '[role="button"][data-tooltip^="Send"]', '[role="button"][aria-label^="Send"]'],
  /** Where the signed-in account's address is shown: the account button's label ("Google Account: Name (address)"). */
  account: ['a[aria-label^="Google Account"]', '[aria-label*="Google Account"][href*="accounts.google.com"]'],

  /** Markers of Gmail's app shell: any one of them means the page is the Gmail we know. */
  app: [
    '[gh="cm"]',
    '[gh="tm"]',
    '[gh="tl"]',
    '[g_editable]',
    'input[name="subjectbox"]',
    '[data-message-id]',
    '[data-legacy-thread-id]',
    '[data-thread-perm-id]',
    'div.nH.bkK',
    'div.aeF',
  ],
  /** A standalone compose window (a pop-out in its own browser window) marks its body so. */
  standaloneCompose: ['body.xE.xp'],
} as const satisfies Record<string, Selectors>;
