/**
 * Small DOM helpers shared by the site adapters: plain DOM APIs only, no layout or
 * computed styles, nothing that can throw past its caller. Elements are told apart
 * by nodeType rather than instanceof, so the helpers work across windows (a page's
 * own window, a test's DOM).
 */

import type { SiteHealth } from './types.ts';

/** Alternatives for one thing on the page, most trusted first. */
export type Selectors = readonly string[];

const ELEMENT = 1;
const TEXT = 3;

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === ELEMENT;
}

/** Every element matching any of the selectors, once each, in document order. */
export function all(root: ParentNode, selectors: Selectors): Element[] {
  if (selectors.length === 0) return [];
  try {
    return Array.from(root.querySelectorAll(selectors.join(',')));
  } catch {
    // One selector the engine rejects must not hide the others.
    const found = new Set<Element>();
    for (const selector of selectors) {
      try {
        for (const el of Array.from(root.querySelectorAll(selector))) found.add(el);
      } catch {
        /* skip it */
      }
    }
    return [...found].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  }
}

/** The first element found by the most trusted selector that finds one. */
export function first(root: ParentNode, selectors: Selectors): Element | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector(selector);
      if (el) return el;
    } catch {
      /* try the next */
    }
  }
  return null;
}

/** The nearest ancestor-or-self matching any of the selectors. */
export function closest(el: Element, selectors: Selectors): Element | null {
  try {
    return el.closest(selectors.join(','));
  } catch {
    for (const selector of selectors) {
      try {
        const found = el.closest(selector);
        if (found) return found;
      } catch {
        /* try the next */
      }
    }
    return null;
  }
}

export function matches(el: Element, selectors: Selectors): boolean {
  for (const selector of selectors) {
    try {
      if (el.matches(selector)) return true;
    } catch {
      /* try the next */
    }
  }
  return false;
}

export function attr(el: Element | null, name: string): string {
  return el?.getAttribute(name) ?? '';
}

/** The current value of an input or textarea (its attribute when it has no live value). */
export function valueOf(el: Element | null): string {
  if (!el) return '';
  const live = (el as HTMLInputElement).value;
  return typeof live === 'string' ? live : attr(el, 'value');
}

export function isEditable(el: Element): boolean {
  if (!el.hasAttribute('contenteditable')) return false;
  const value = attr(el, 'contenteditable').toLowerCase();
  return value === 'true' || value === '' || value === 'plaintext-only';
}

/** Longer strings are not an address list: cut before scanning. */
const EMAIL_SCAN_LIMIT = 20_000;
const SEPARATORS = /[\s,;<>()"[\]{}:\u200b]+/;
const ADDRESS = /^[a-z0-9._%+'!#$&*=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const TOP_LEVEL = /\.[a-z0-9-]{2,}$/;

/**
 * Every address in a string (a chip's label, "Dana <dana@x.com>", typed text),
 * lowercased. Splits first, then checks each piece whole: linear in the input.
 */
export function emailsIn(text: string | null | undefined): string[] {
  if (!text || !text.includes('@')) return [];
  const out: string[] = [];
  for (const piece of text.slice(0, EMAIL_SCAN_LIMIT).split(SEPARATORS)) {
    if (piece.length < 6 || piece.length > 254 || !piece.includes('@')) continue;
    const candidate = piece.replace(/^[.'-]+/, '').replace(/[.'-]+$/, '').toLowerCase();
    if (ADDRESS.test(candidate) && TOP_LEVEL.test(candidate)) out.push(candidate);
  }
  return out;
}

/** Adds addresses to an ordered set. */
export function addAll(into: Set<string>, emails: readonly string[]): void {
  for (const e of emails) into.add(e);
}

const ids = new WeakMap<Element, string>();
let nextId = 1;

/**
 * A composer's id: `site:<the page's own id>` when it has one, else `site#<n>`, given
 * to the element the first time it is seen (kept only as long as the element lives).
 */
export function idFor(site: string, el: Element, pageId?: string): string {
  if (pageId) return `${site}:${pageId}`;
  let id = ids.get(el);
  if (!id) {
    id = `${site}#${nextId++}`;
    ids.set(el, id);
  }
  return id;
}

/**
 * Climbs from an element to the smallest ancestor holding something that `has`
 * finds, stopping (null) at `limit` levels or at an ancestor that `stop` rejects
 * (one that already holds another composer, say).
 */
export function climb(from: Element, has: (el: Element) => boolean, stop: (el: Element) => boolean, limit = 40): Element | null {
  let el: Element | null = from.parentElement;
  for (let depth = 0; el && depth < limit; depth++, el = el.parentElement) {
    if (stop(el)) return null;
    if (has(el)) return el;
  }
  return null;
}

/**
 * The largest ancestor-or-self of `el` that still holds exactly one element matching
 * `marker`, never climbing into an element matching `boundary`.
 */
export function ownContainer(el: Element, marker: Selectors, boundary: Selectors = [], limit = 40): Element {
  let current = el;
  for (let depth = 0; depth < limit; depth++) {
    const parent = current.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    if (boundary.length > 0 && matches(parent, boundary)) break;
    if (all(parent, marker).length > 1) break;
    current = parent;
  }
  return current;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'CENTER',
]);
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'SVG', 'IMG', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON']);

export interface TextOptions {
  /** Leave this element and everything in it out. */
  skip?: (el: Element) => boolean;
  /** This element and everything after it (in document order) is not the writer's: stop here. */
  stop?: (el: Element) => boolean;
  /** At most this many characters. */
  max?: number;
}

/**
 * The text of an element as lines, without layout: blocks and <br> break lines,
 * runs of white space collapse, blank lines are dropped, nothing past `max`.
 */
export function readText(root: Element, options: TextOptions = {}): string {
  const max = options.max ?? 20_000;
  const parts: string[] = [];
  let length = 0;
  let stopped = false;
  const push = (s: string): void => {
    if (length >= max) return;
    parts.push(s);
    length += s.length;
  };
  const visit = (node: Node, depth: number): void => {
    if (stopped || length >= max || depth > 200) return;
    if (node.nodeType === TEXT) {
      push((node.nodeValue ?? '').replace(/[\s\u00a0\u202f\u200b]+/g, ' '));
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toUpperCase();
    if (NEVER_TEXT.has(tag) || node.hasAttribute('hidden')) return;
    if (options.stop?.(node)) {
      stopped = true;
      return;
    }
    if (options.skip?.(node)) return;
    if (tag === 'BR') {
      push('\n');
      return;
    }
    const block = BLOCK.has(tag) || tag === 'TD' || tag === 'TH';
    if (block) push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, depth + 1);
    if (block) push('\n');
  };
  for (let child = root.firstChild; child; child = child.nextSibling) visit(child, 0);
  return parts
    .join('')
    .slice(0, max)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** A short one-line version of an element's text. */
export function lineText(el: Element | null, max = 300): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[\s\u00a0\u202f\u200b]+/g, ' ').trim().slice(0, max);
}

/**
 * Quote and signature markers in message bodies. Outlook prefixes received markup
 * with `x_`, Gmail with `m_<number>`. As in the scorer (src/rules/html.ts), Gmail's
 * `div.gmail_quote` is not skipped whole: it holds the writer's answers when they
 * reply between the quoted lines; its `gmail_attr` header and blockquotes are history.
 */
const PREFIX = '(?:x_|m_-?\\d+_?)*';
const QUOTE_CLASS = new RegExp(
  `(?:^|\\s)${PREFIX}(?:gmail_attr|gmail_extra|gmail_signature|gmail_signature_prefix|moz-cite-prefix|moz-signature|yahoo_quoted|OutlookMessageHeader)(?:\\s|$)`,
  'i',
);
const QUOTE_ID = new RegExp(`^${PREFIX}(?:Signature|signature|ms-outlook-mobile-signature|divtagdefaultwrapper-signature)$`);
/** After one of these, everything to the end is history (Outlook puts the quote in the siblings that follow). */
const STOP_ID = new RegExp(`^${PREFIX}(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container|OLK_SRC_BODY_SECTION)$`, 'i');

/** Leaves quoted history and signatures out of a message body. */
export const QUOTES_AND_SIGNATURES: TextOptions = {
  skip: (el) =>
    el.tagName.toUpperCase() === 'BLOCKQUOTE' ||
    QUOTE_CLASS.test(attr(el, 'class')) ||
    QUOTE_ID.test(el.id) ||
    attr(el, 'data-smartmail') === 'gmail_signature',
  stop: (el) => STOP_ID.test(el.id),
};

/**
 * Puts a thread in chronological order. Pages list it oldest-first (Gmail) or, by
 * setting, newest-first (Outlook): sort when every date is known, else only turn a
 * newest-first list round, keeping undated messages where the page put them.
 */
export function chronological<T extends { at: string | null }>(messages: T[]): T[] {
  if (messages.every((m) => m.at !== null)) {
    return messages
      .map((m, i) => ({ m, i, t: Date.parse(m.at!) }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.m);
  }
  const dated = messages.filter((m) => m.at !== null).map((m) => Date.parse(m.at!));
  if (dated.length < 2) return messages;
  for (let i = 1; i < dated.length; i++) if (dated[i]! > dated[i - 1]!) return messages;
  return dated[0]! > dated[dated.length - 1]! ? [...messages].reverse() : messages;
}

/** The address of the page (a document's URL, '' when it has none). */
export function pageUrl(root: Document): string {
  try {
    return root.URL ?? '';
  } catch {
    return '';
  }
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 300);
}

/** The last read of each kind that failed on a page, for the adapter's health report. */
export interface Problems {
  composers?: string;
  thread?: string;
}

export interface ProblemLog {
  note(root: Document, part: keyof Problems, error: unknown): void;
  clear(root: Document, part: keyof Problems): void;
  get(root: Document): Problems | undefined;
}

/** One site's record of failed reads, per page. Never throws. */
export function problemLog(): ProblemLog {
  const problems = new WeakMap<Document, Problems>();
  return {
    note(root, part, error) {
      try {
        problems.set(root, { ...problems.get(root), [part]: errorText(error) });
      } catch {
        /* nothing more to do */
      }
    },
    clear(root, part) {
      try {
        const p = problems.get(root);
        if (p?.[part]) problems.set(root, { ...p, [part]: undefined });
      } catch {
        /* nothing more to do */
      }
    },
    get(root) {
      try {
        return problems.get(root);
      } catch {
        return undefined;
      }
    },
  };
}

/** Composer bodies: editable, and not inside another one. */
export function outermostEditable(root: ParentNode, selectors: Selectors): Element[] {
  const found = all(root, selectors).filter(isEditable);
  return found.length < 2 ? found : found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/** Whether a URL is one of the site's hosts, over https. Never throws. */
export function onHosts(hosts: ReadonlySet<string>): (url: URL) => boolean {
  return (url) => {
    try {
      return url.protocol === 'https:' && hosts.has(url.hostname.toLowerCase());
    } catch {
      return false;
    }
  };
}

export interface HealthOptions {
  site: string;
  /** The site's name as the user knows it ("Gmail"). */
  label: string;
  composers: (root: Document) => unknown[];
  /** Markers that say the page is the site's app. */
  app: Selectors;
  problems: { get(root: Document): Problems | undefined };
  /** Whether an open textbox editor that no composer was read from counts as one the adapter failed to recognise. */
  strayEditor?: (editor: Element) => boolean;
}

/** What the adapter can tell the popup about the page: composers found, or why not. Never throws. */
export function siteHealth(root: Document, o: HealthOptions): SiteHealth {
  try {
    const count = o.composers(root).length;
    const recognised = count > 0 || first(root, o.app) !== null;
    const result: SiteHealth = { site: o.site, composers: count, recognised };
    const editor = first(root, ['[contenteditable="true"][role="textbox"]', '[contenteditable="true"]']);
    const failed = o.problems.get(root);
    if (!recognised) {
      result.problem = editor
        ? `An editor is open, but none of the ${o.label} markers this version knows was found: ${o.label} may have changed its page.`
        : `None of the ${o.label} markers this version knows was found: ${o.label} may have changed its page.`;
    } else if (failed?.composers || failed?.thread) {
      result.problem = `Reading the page failed: ${failed.composers ?? failed.thread}`;
    } else if (count === 0 && editor && editor.matches('[role="textbox"]') && (o.strayEditor?.(editor) ?? true)) {
      result.problem = `An editor is open but was not recognised as ${/^[aeiou]/i.test(o.label) ? 'an' : 'a'} ${o.label} composer.`;
    }
    return result;
  } catch (error) {
    return { site: o.site, composers: 0, recognised: false, problem: `Reading the page failed: ${errorText(error)}` };
  }
}

/**
 * Lists a page's items (composer bodies, thread messages) and reads each one. A failed
 * read is noted in the log and the others are still read; a failed listing gives [].
 * Never throws.
 */
export function readEach<I, T>(root: Document, part: keyof Problems, log: ProblemLog, items: () => readonly I[], read: (item: I) => T | null | undefined): T[] {
  try {
    const list = items();
    log.clear(root, part);
    const out: T[] = [];
    for (const item of list) {
      try {
        const value = read(item);
        if (value) out.push(value);
      } catch (error) {
        log.note(root, part, error);
      }
    }
    return out;
  } catch (error) {
    log.note(root, part, error);
    return [];
  }
}

/**
 * The composer body a control (a Send button, say) belongs to: climbing from the
 * control, the first ancestor that holds exactly one composer body. Null when the
 * first ancestor holding any holds several, or none is found. Never throws.
 */
export function bodyNear(control: Element, bodies: (root: ParentNode) => Element[], limit = 40): Element | null {
  try {
    let el: Element | null = control;
    for (let depth = 0; el && depth < limit; depth++, el = el.parentElement) {
      const found = bodies(el);
      if (found.length === 1) return found[0]!;
      if (found.length > 1) return null;
    }
  } catch {
    /* not a composer's control, as far as we can tell */
  }
  return null;
}

/** Labels of controls next to Send that do not send now. */
const NOT_SEND_NOW = /option|feedback|schedul|later|more|cancel|discard/i;

/**
 * The composer id a Send control click belongs to, for any adapter: the control is
 * found by the site's selectors, then its composer body by climbing. Never throws.
 */
export function sendControlComposer(target: Element, send: Selectors, bodies: (root: ParentNode) => Element[], idOf: (body: Element) => string): string | null {
  try {
    const control = closest(target, send);
    if (!control) return null;
    if (NOT_SEND_NOW.test(`${attr(control, 'aria-label')} ${attr(control, 'data-tooltip')} ${attr(control, 'title')}`)) return null;
    const body = bodyNear(control, bodies);
    return body ? idOf(body) : null;
  } catch {
    return null;
  }
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends in Gmail and Outlook alike. */
export function ctrlEnter(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** The first address found in the attributes or text of the elements selectors find. Never throws. */
export function firstAddress(root: Document, selectors: Selectors, attributes: readonly string[]): string | null {
  try {
    for (const el of all(root, selectors)) {
      for (const name of attributes) {
        const found = emailsIn(name === '#text' ? el.textContent : attr(el, name))[0];
        if (found) return found;
      }
    }
  } catch {
    /* not shown */
  }
  return null;
}
