/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com):
 * reads open composers and the conversation in the reading pane. Selectors live in
 * outlook.selectors.ts; the DOM they target is reproduced in test/fixtures/outlook/.
 */
import { dayFirstFor, parseMailDate } from './dates.ts';
import { addAll, all, attr, chronological, climb, closest, emailsIn, first, idFor, isEditable, lineText, ownContainer, pageUrl, QUOTES_AND_SIGNATURES, readText, type Selectors, valueOf, outermostEditable, problemLog, onHosts, siteHealth, readEach, sendControlComposer, ctrlEnter, firstAddress } from './dom.ts';
import { OUTLOOK_SELECTORS as S } from './outlook.selectors.ts';
import type { ComposerKind, ComposerSnapshot, SiteAdapter, SiteHealth, ThreadMessage } from './types.ts';

const SITE = 'outlook';
const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);
const ANSWER_SUBJECT = /^\s*(?:re|aw|sv|vs|antw|ant|r|rif|fw|fwd|wg|tr|rv|enc|doorst)\s*(?:\[\d+\])?\s*:/i;
/** A composer in a window of its own: Outlook's deep links and pop-outs. */
const POPOUT_PATH = /\/mail\/(?:[^/?#]+\/)?(?:deeplink\/)?compose\b|[?&]popoutv2=/i;

const problems = problemLog();
const { note } = problems;

/** Composer bodies: editable, and not inside another one. */
const bodies = (root: ParentNode): Element[] => outermostEditable(root, S.body);

function composerRoot(body: Element): Element {
  const root = climb(
    body,
    (el) => first(el, S.composerField) !== null,
    (el) => bodies(el).length > 1,
  );
  return root ?? closest(body, S.composeContainer) ?? body.parentElement ?? body;
}

/** Outlook names a compose form's fields MSG_<id>_TO, MSG_<id>_SUBJECT: that id is the composer's. */
function pageIdOf(composer: Element, body: Element): string | undefined {
  for (const el of all(composer, ['[id$="_SUBJECT"]', '[id$="_TO"]'])) {
    const m = /^(.*)_(?:SUBJECT|TO)$/.exec(el.id);
    if (m?.[1]) return m[1];
  }
  const parent = closest(body, ['[id^="editorParent_"]']);
  return parent?.id || undefined;
}

/** A composer's id: Outlook's own form id when it shows one. */
const composerId = (body: Element, composer: Element = composerRoot(body)): string => idFor(SITE, body, pageIdOf(composer, body));

function recipients(composer: Element, field: Selectors): string[] {
  const out = new Set<string>();
  for (const scope of all(composer, field)) {
    for (const chip of all(scope, S.chip)) {
      for (const name of ['aria-label', 'title', 'data-lpc-hover-target-id']) addAll(out, emailsIn(attr(chip, name)));
    }
    // An address typed but not yet resolved into a chip is plain text in the field.
    addAll(out, emailsIn(scope.textContent));
  }
  return [...out];
}

function kindOf(root: Document, body: Element, subjectInput: Element | null, subject: string): ComposerKind {
  if (POPOUT_PATH.test(pageUrl(root))) return 'popout';
  if (first(body, S.answerMarker) !== null || subjectInput === null || ANSWER_SUBJECT.test(subject)) return 'reply';
  return 'new';
}

function readComposer(root: Document, body: Element): ComposerSnapshot {
  const composer = composerRoot(body);
  const subjectInput = first(composer, S.subject);
  let subject = valueOf(subjectInput).trim();
  const kind = kindOf(root, body, subjectInput, subject);
  // An inline reply shows no subject field: it answers the conversation's.
  if (!subject && !subjectInput) subject = lineText(first(root, S.threadSubject), 2000);
  return {
    id: composerId(body, composer),
    subject,
    to: recipients(composer, S.to),
    cc: recipients(composer, S.cc),
    bodyHtml: body.innerHTML,
    bodyElement: body as HTMLElement,
    kind,
  };
}

function composers(root: Document): ComposerSnapshot[] {
  return readEach(root, 'composers', problems, () => bodies(root), (body) => readComposer(root, body));
}

/** The first element any selector finds (most trusted first) that passes `ok`. */
function pick(root: Element, selectors: Selectors, ok: (el: Element) => boolean): Element | null {
  for (const selector of selectors) {
    const found = all(root, [selector]).find(ok);
    if (found) return found;
  }
  return null;
}

function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** One element per message of the conversation, in page order, never part of a composer. */
function messageRoots(root: Document, composerAreas: Element[]): Element[] {
  const inComposer = (el: Element): boolean => composerAreas.some((c) => c.contains(el));
  const found: Element[] = [];
  const overlaps = (el: Element): boolean => found.some((r) => r.contains(el) || el.contains(r));
  for (const el of all(root, S.message)) if (!inComposer(el) && !overlaps(el)) found.push(el);
  // Messages Outlook does not label in English: one container per date line, then per read body.
  const markers: [Element[], Selectors][] = [
    [all(root, S.date), S.date],
    [all(root, S.messageBody).filter((el) => !isEditable(el)), S.messageBody],
  ];
  for (const [elements, own] of markers) {
    for (const marker of elements) {
      if (inComposer(marker) || found.some((r) => r.contains(marker))) continue;
      const container = ownContainer(marker, own, S.boundary);
      if (!overlaps(container)) found.push(container);
    }
  }
  return found.sort(byDocumentOrder);
}

function senderOf(message: Element, ok: (el: Element) => boolean): { from: string; name: string } {
  const labelled = pick(message, S.from, ok);
  if (labelled) {
    const label = attr(labelled, 'aria-label');
    const from = emailsIn(label)[0] ?? emailsIn(labelled.textContent)[0] ?? personEmail(labelled, ok);
    const name = label
      .replace(/^From:?\s*/i, '')
      .replace(/<[^>]*>|[\w.%+'-]+@[\w.-]+/g, '')
      .trim();
    return { from, name: name || personName(labelled) };
  }
  const person = pick(message, S.person, ok);
  if (person) return { from: personEmail(person, ok), name: personName(person) };
  return { from: '', name: '' };
}

function personEmail(el: Element, ok: (el: Element) => boolean): string {
  const candidates = [el, ...all(el, S.person).filter(ok)];
  for (const c of candidates) {
    for (const name of ['data-lpc-hover-target-id', 'title', 'aria-label']) {
      const found = emailsIn(attr(c, name))[0];
      if (found) return found;
    }
    const inText = emailsIn(c.textContent)[0];
    if (inText) return inText;
  }
  return '';
}

function personName(el: Element): string {
  return lineText(el)
    .replace(/<[^>]*>|[\w.%+'-]+@[\w.-]+/g, '')
    .replace(/^From:?\s*/i, '')
    .trim();
}

function dateOf(message: Element, ok: (el: Element) => boolean, dayFirst: boolean): string | null {
  const shown = pick(message, S.date, ok);
  const options = { dayFirst };
  const parsed = parseMailDate(attr(shown, 'title'), options) ?? parseMailDate(lineText(shown), options);
  if (parsed) return parsed;
  for (const el of all(message, ['time[datetime]', '[title]']).filter(ok).slice(0, 60)) {
    const t = attr(el, 'datetime') || attr(el, 'title');
    if (/\d/.test(t)) {
      const p = parseMailDate(t, options);
      if (p) return p;
    }
  }
  return null;
}

function readMessage(message: Element, ok: (el: Element) => boolean, dayFirst: boolean): ThreadMessage | null {
  const notRecipient = (el: Element): boolean => ok(el) && closest(el, S.recipientsLine) === null;
  const { from, name } = senderOf(message, notRecipient);
  const body = pick(message, S.messageBody, (el) => ok(el) && !isEditable(el));
  const text = body ? readText(body, QUOTES_AND_SIGNATURES) : lineText(pick(message, S.snippet, ok), 2000);
  if (!from && !text) return null;
  const result: ThreadMessage = { from, at: dateOf(message, notRecipient, dayFirst), text };
  if (name && name.toLowerCase() !== from) result.fromName = name;
  return result;
}

function thread(root: Document): ThreadMessage[] {
  try {
    if (first(root, [...S.message, ...S.date, ...S.messageBody]) === null) return [];
  } catch (error) {
    note(root, 'thread', error);
    return [];
  }
  // Each message is read with what the whole page says: where the composers are, and the page's date order.
  const messages = () => {
    const composerAreas = bodies(root).map((body) => closest(body, S.composeContainer) ?? composerRoot(body));
    const ok = (el: Element): boolean => !composerAreas.some((c) => c.contains(el)) && el.closest('[contenteditable="true"]') === null;
    const dayFirst = dayFirstFor(root.documentElement?.getAttribute('lang'));
    return messageRoots(root, composerAreas).map((message) => () => readMessage(message, ok, dayFirst));
  };
  return chronological(readEach(root, 'thread', problems, messages, (readIt) => readIt()));
}

function health(root: Document): SiteHealth {
  return siteHealth(root, { site: SITE, label: 'Outlook', composers, app: S.app, problems, strayEditor: (editor) => closest(editor, [...S.to, ...S.cc]) === null });
}

export const outlook: SiteAdapter = {
  site: SITE,
  matches: onHosts(HOSTS),
  composers,
  thread,
  health,
  sentFrom: (target) => sendControlComposer(target, S.send, bodies, (body) => composerId(body)),
  /** Ctrl+Enter, as in Gmail; Outlook's Alt+S sends too. */
  sendsOnKey: (e) => ctrlEnter(e) || (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 's'),
  account: (root) => firstAddress(root, S.account, ['#text', 'aria-label', 'title']),
};
