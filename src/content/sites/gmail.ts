/**
 * Gmail (mail.google.com): reads open composers and the open conversation.
 * Selectors live in gmail.selectors.ts; the DOM they target is reproduced in
 * test/fixtures/gmail/.
 */
import { parseMailDate } from './dates.ts';
import { addAll, all, attr, chronological, climb, closest, emailsIn, first, idFor, lineText, matches, pageUrl, QUOTES_AND_SIGNATURES, readText, type Selectors, valueOf, outermostEditable, problemLog, onHosts, siteHealth, readEach, sendControlComposer, ctrlEnter, firstAddress } from './dom.ts';
import { GMAIL_SELECTORS as S } from './gmail.selectors.ts';
import type { ComposerKind, ComposerSnapshot, SiteAdapter, SiteHealth, ThreadMessage } from './types.ts';

const SITE = 'gmail';
const HOSTS = new Set(['mail.google.com']);
/** Subject prefixes of answers (reply or forward) in the languages Gmail users commonly write in. */
const ANSWER_SUBJECT = /^\s*(?:re|aw|sv|vs|antw|ant|r|rif|fwd?|wg|tr|rv|enc|doorst)\s*(?:\[\d+\])?\s*:/i;

const problems = problemLog();

/** Composer bodies: editable, and not inside another one. */
const bodies = (root: ParentNode): Element[] => outermostEditable(root, S.body);

/** A composer's id: the body's own element id when Gmail gives one (it does: ":9w"). */
const composerId = (body: Element): string => idFor(SITE, body, body.id || undefined);

/** The smallest ancestor of the body that holds the composer's own fields, never one holding a second composer. */
function composerRoot(body: Element): Element {
  const root = climb(
    body,
    (el) => first(el, S.composerField) !== null,
    (el) => bodies(el).length > 1,
  );
  return root ?? closest(body, S.dialog) ?? body.parentElement ?? body;
}

/** The element to read one recipient field's addresses in. */
function fieldScope(field: Element, other: Selectors): Element {
  const tag = field.tagName.toUpperCase();
  if (tag !== 'INPUT' && tag !== 'TEXTAREA') return field;
  // The classic layout: a textarea and its chips share a table row.
  const row = field.closest('tr');
  if (row && first(row, other) === null) return row;
  return field.parentElement ?? field;
}

function recipients(composer: Element, field: Selectors, other: Selectors): string[] {
  const out = new Set<string>();
  for (const f of all(composer, field)) {
    const scope = fieldScope(f, other);
    for (const chip of all(scope, S.chip)) {
      for (const name of ['data-hovercard-id', 'email', 'title', 'aria-label']) addAll(out, emailsIn(attr(chip, name)));
    }
    for (const control of [f, ...all(scope, S.typed)]) {
      const tag = control.tagName.toUpperCase();
      if (tag === 'INPUT' || tag === 'TEXTAREA') addAll(out, emailsIn(valueOf(control)));
    }
  }
  return [...out];
}

function answers(composer: Element, body: Element, subject: string): boolean {
  return first(composer, S.responseType) !== null || ANSWER_SUBJECT.test(subject) || body.querySelector('.gmail_quote, blockquote') !== null;
}

function kindOf(root: Document, body: Element, composer: Element, subject: string): ComposerKind {
  if (first(root, S.standaloneCompose) !== null || /[?&]view=cm\b/.test(pageUrl(root))) return 'popout';
  const dialog = closest(body, S.dialog);
  if (dialog) {
    if (first(dialog, S.fullscreen) !== null || closest(dialog, S.fullscreenContainer) !== null) return 'fullscreen';
    return answers(composer, body, subject) ? 'popout' : 'new';
  }
  if (closest(body, S.inThread) !== null) return 'reply';
  return answers(composer, body, subject) ? 'reply' : 'new';
}

function readComposer(root: Document, body: Element): ComposerSnapshot {
  const composer = composerRoot(body);
  let subject = valueOf(first(composer, S.subject)).trim();
  const kind = kindOf(root, body, composer, subject);
  // An inline reply keeps its subject out of sight (and sometimes out of the page): it is the conversation's.
  if (!subject && kind === 'reply') subject = lineText(first(root, S.threadSubject), 2000);
  return {
    id: composerId(body),
    subject,
    to: recipients(composer, S.to, S.cc),
    cc: recipients(composer, S.cc, S.to),
    bodyHtml: body.innerHTML,
    bodyElement: body as HTMLElement,
    kind,
  };
}

/** An element of a message that is not part of a composer open inside it. */
function ownPart(el: Element): boolean {
  return el.closest('form') === null && closest(el, S.body) === null;
}

/** The first element any selector finds (most trusted first) that passes `ok`. */
function pick(root: Element, selectors: Selectors, ok: (el: Element) => boolean): Element | null {
  for (const selector of selectors) {
    const found = all(root, [selector]).find(ok);
    if (found) return found;
  }
  return null;
}

function dateOf(item: Element): string | null {
  const shown = pick(item, S.date, ownPart);
  const parsed = parseMailDate(attr(shown, 'title')) ?? parseMailDate(lineText(shown));
  if (parsed) return parsed;
  // Any other date-looking title in the header (Gmail has moved the date before).
  const titled = all(item, ['[title]']).filter(ownPart).slice(0, 60);
  for (const el of titled) {
    const t = attr(el, 'title');
    if (/\d/.test(t)) {
      const p = parseMailDate(t);
      if (p) return p;
    }
  }
  return null;
}

function readMessage(item: Element): ThreadMessage | null {
  const sender = pick(item, S.sender, ownPart);
  const from = emailsIn(attr(sender, 'email') || attr(sender, 'data-hovercard-id'))[0] ?? '';
  const name = (attr(sender, 'name') || lineText(sender)).trim();
  const body = pick(item, S.messageBody, ownPart);
  const text = body ? readText(body, QUOTES_AND_SIGNATURES) : lineText(pick(item, S.snippet, ownPart), 2000);
  if (!from && !text) return null;
  const idEl = matches(item, S.messageId) ? item : first(item, S.messageId);
  const id = attr(idEl, 'data-message-id') || attr(idEl, 'data-legacy-message-id');
  const message: ThreadMessage = { from, at: dateOf(item), text };
  if (name && name.toLowerCase() !== from) message.fromName = name;
  if (id) message.id = id;
  return message;
}

/** The conversation's messages: the first selector whose elements show a person. */
function messageItems(root: Document): Element[] {
  for (const selector of S.message) {
    const items = all(root, [selector]).filter((el) => first(el, S.person) !== null);
    if (items.length > 0) return items;
  }
  return [];
}

function composers(root: Document): ComposerSnapshot[] {
  return readEach(root, 'composers', problems, () => bodies(root), (body) => readComposer(root, body));
}

function thread(root: Document): ThreadMessage[] {
  return chronological(readEach(root, 'thread', problems, () => messageItems(root), readMessage));
}

function health(root: Document): SiteHealth {
  return siteHealth(root, { site: SITE, label: 'Gmail', composers, app: S.app, problems });
}

/** The signed-in address: the account button's label, else the window title ("Inbox (3) - name@x.com - Gmail"). */
function account(root: Document): string | null {
  return firstAddress(root, S.account, ['aria-label', 'title']) ?? emailsIn(root.title ?? '')[0] ?? null;
}

export const gmail: SiteAdapter = {
  site: SITE,
  matches: onHosts(HOSTS),
  composers,
  thread,
  health,
  sentFrom: (target) => sendControlComposer(target, S.send, bodies, composerId),
  sendsOnKey: ctrlEnter,
  account: (root) => {
    try {
      return account(root);
    } catch {
      return null;
    }
  },
};
