/**
 * Every selector the Outlook on the web adapter uses, in one place, most trusted
 * first: roles and ids whose stable part does not depend on the UI language
 * (`[role="group"][id$="_TO"]`, `input[id$="_SUBJECT"]`, `[id^="editorParent_"]`,
 * `[id^="UniqueMessageBody"]`, `data-app-section`, `data-testid`,
 * `data-lpc-hover-target-id`), then English aria-labels (Outlook localises them),
 * then class names last (`_EType_RECIPIENT_ENTITY` is a semantic class Outlook's
 * editor gives recipient chips; the short generated ones are never used).
 *
 * The structure they target is reproduced in test/fixtures/outlook/ (compose-new.html,
 * reply.html; unrecognised.html is a redesign they must not match). Sources, read for
 * structure only: public extensions and test fixtures that read Outlook's compose form
 * (recipient groups `MSG_<id>_TO`, chips whose aria-label is the address, subject
 * `input[id="MSG_<id>_SUBJECT"]`, body `#editorParent_1 [role="textbox"]`,
 * `#docking_InitVisiblePart_0`) and its reading pane (`UniqueMessageBody_<n>` bodies
 * with role="document", `[data-testid="SentReceivedSavedTime"]` dates, `From:` aria-labels,
 * `[data-app-section]` regions), and Outlook's own quote markup (`divRplyFwdMsg`,
 * `appendonsend`, `x_`-prefixed ids in received mail).
 */
import type { Selectors } from './dom.ts';

export const OUTLOOK_SELECTORS = {
  /** The editable message body of a composer. */
  body: [
    '[id^="editorParent_"] [contenteditable="true"][role="textbox"]',
    'div[role="textbox"][contenteditable="true"][aria-label^="Message body"]',
    'div[contenteditable="true"][aria-label^="Message body"]',
  ],
  /** What only a composer's own header holds: climbing from the body stops at the first ancestor holding one. */
  composerField: [
    '[role="group"][id$="_TO"]',
    'input[id$="_SUBJECT"]',
    '[aria-label="To"][contenteditable="true"]',
    'input[aria-label="Add a subject"]',
    'input[aria-label="Subject"]',
  ],
  /** The compose form's container, when nothing closer is found. */
  composeContainer: ['[data-app-section="MailReadCompose"]', '[data-app-section="ComposeForm"]', '[id^="docking_InitVisiblePart_"]', '[role="dialog"]'],
  subject: ['input[id$="_SUBJECT"]', 'input[aria-label="Subject"]', 'input[aria-label="Add a subject"]', 'input[placeholder="Add a subject"]'],
  to: ['[role="group"][id$="_TO"]', 'div[aria-label="To"]'],
  cc: ['[role="group"][id$="_CC"]', 'div[aria-label="Cc"]'],
  /** Inside a recipient field: a resolved recipient (its aria-label, title or hover id carries the address). */
  chip: ['._EType_RECIPIENT_ENTITY', '[data-lpc-hover-target-id]', '[aria-label*="@"]', '[title*="@"]'],
  /** Quoted history Outlook puts in a reply's or forward's body. */
  answerMarker: ['#divRplyFwdMsg', '#appendonsend', '#mail-editor-reference-message-container'],

  /** A read message's body (not the composer's: that one is editable). */
  messageBody: ['[id^="UniqueMessageBody"]', '[role="document"][aria-label^="Message body"]'],
  /** A message's date line; its `title`, when present, holds the full date. */
  date: ['[data-testid="SentReceivedSavedTime"]'],
  /** One message of the conversation (Outlook's English label; the adapter also finds messages without it). */
  message: ['[aria-label="Email message"]'],
  /** The sender: the header's "From:" label, then the first person shown. */
  from: ['[aria-label^="From:"]'],
  person: ['[data-lpc-hover-target-id]', '[title*="@"]', '[aria-label*="@"]'],
  /** People a message was sent to, never its sender. */
  recipientsLine: ['[aria-label^="To:"]', '[aria-label^="Cc:"]', '[aria-label^="Bcc:"]', '[data-testid="RecipientWell"]'],
  snippet: ['[data-testid="ItemPreview"]'],
  /** Climbing from a message's date or body to its container stops below these. */
  boundary: ['[role="main"]', '#ReadingPaneContainerId', '[data-app-section]', '[role="dialog"]', '[role="list"]'],
  threadSubject: ['[id$="_SUBJECT"]:not(input)', '[role="main"] [role="heading"][aria-level="2"]'],

  /** A composer's Send button: its English label and title ("Send (Ctrl+Enter)"), then the test id Outlook gives it. */
  send: ['button[aria-label="Send"]', 'button[title^="Send ("]', 'button[title="Send"]', '[data-testid="ComposeSendButton"]'],
  /** Where the signed-in account's address is shown (the account manager; rendered once opened). */
  account: ['#mectrl_currentAccount_secondary', '[data-testid="mectrl_currentAccount_secondary"]', '#mectrl_main_trigger', 'button[aria-label^="Account manager"]'],

  /** Markers of Outlook's app shell: any one of them means the page is the Outlook we know. */
  app: [
    '[data-app-section]',
    '#ReadingPaneContainerId',
    '[id^="docking_InitVisiblePart_"]',
    '[id^="editorParent_"]',
    '[id^="UniqueMessageBody"]',
    '[data-testid="SentReceivedSavedTime"]',
    '[role="group"][id$="_TO"]',
    '._EType_RECIPIENT_ENTITY',
    '[data-lpc-hover-target-id]',
  ],
} as const satisfies Record<string, Selectors>;
