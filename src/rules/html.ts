/**
 * Composer HTML to the text the user sees, in one linear pass with no DOM (this
 * runs in Node and in a service worker). Each character of the output carries a
 * kind: the writer's own words, quoted history, or a signature block, so rules
 * score only the writer's words while offsets still point into the visible text.
 */

export const OWN = 0;
export const QUOTE = 1;
export const SIGNATURE = 2;
export type TextKind = typeof OWN | typeof QUOTE | typeof SIGNATURE;

export interface Link {
  href: string;
  start: number;
  end: number;
}

export interface VisibleText {
  text: string;
  /** One kind per UTF-16 unit of `text`. */
  kinds: Uint8Array;
  /** Links in the writer's own text, with the span of their anchor text. */
  links: Link[];
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'center',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml']);

/** Class names and ids that mark quoted history (Gmail, Outlook on the web, Thunderbird, Apple Mail). */
/**
 * Gmail's `div.gmail_quote` wraps the header and the blockquote, and in an inline reply the
 * writer's answers too, so the container itself is not history: its `gmail_attr` header and
 * its blockquotes are.
 */
const QUOTE_CLASS = /(?:^|\s)(?:gmail_attr|gmail_extra|moz-cite-prefix|yahoo_quoted|OutlookMessageHeader|ms-outlook-mobile-reference-message)(?:\s|$)/i;
const QUOTE_ID = /^(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container|OLK_SRC_BODY_SECTION|x_divRplyFwdMsg)$/i;
/** After one of these, everything to the end is history (Outlook puts the quote in siblings that follow). */
const QUOTE_TO_END_ID = /^(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container|x_divRplyFwdMsg)$/i;
const SIGNATURE_CLASS = /(?:^|\s)(?:gmail_signature|moz-signature|signature)(?:\s|$)/i;
const SIGNATURE_ID = /^(?:Signature|signature|ms-outlook-mobile-signature|x_Signature|divtagdefaultwrapper-signature)$/;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', sbquo: '‚', bdquo: '„', mdash: '—', ndash: '–',
  hellip: '…', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', bull: '•',
  middot: '·', zwnj: '', zwj: '', shy: '', laquo: '«', raquo: '»', times: '×', deg: '°', para: '¶',
  sect: '§', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä',
  szlig: 'ß', ccedil: 'ç', ntilde: 'ñ', iacute: 'í', oacute: 'ó', uacute: 'ú',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,10});?/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    const v = NAMED_ENTITIES[name.toLowerCase()];
    return v ?? m;
  });
}

/** Heuristic: does this body look like composer HTML rather than plain text? */
export function looksLikeHtml(body: string): boolean {
  return /<(?:div|p|br|span|blockquote|html|body|a|b|i|u|strong|em|ul|ol|li|table|font|hr|img|h[1-6])\b[^<>]*\/?>/i.test(body);
}

/** Runs of the whitespace HTML collapses (not nbsp): space, tab, line feed, carriage return, form feed. */
const COLLAPSE = /[ \t\n\r\f]+/g;
/** Whether a text has whitespace to collapse: anything but a single space between words. */
const MAY_COLLAPSE = /[\t\n\r\f]| {2}|^ | $/;

/** A tag is `<`, an optional `/`, a name ([a-zA-Z][a-zA-Z0-9:-]*), attributes, then `>`. */
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 58) || c === 45; // digits and ':' (58), '-'
}
const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The attributes the converter reads; for a name given twice the last wins (as it always has here). */
const WANTED_ATTRIBUTES = new Set(['class', 'id', 'href', 'data-smartmail']);

/**
 * Where a wanted attribute could be named: its name after the start or a character that ends
 * the one before (a prefilter; most tags carry only styles and sizes).
 */
const MAY_WANT = /(?:^|[\s=/>"'])(?:class|id|href|data-smartmail)(?![^\s=/>"'])/i;
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

function attributes(raw: string): ReadonlyMap<string, string> {
  if (!MAY_WANT.test(raw)) return NO_ATTRIBUTES;
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    const name = m[1]!.toLowerCase();
    // Only the attributes the converter reads are decoded and kept (not styles and the like).
    if (WANTED_ATTRIBUTES.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

interface Open {
  name: string;
  kind: TextKind | -1;
  href?: string;
  linkStart?: number;
  linkOwn?: boolean;
}

/** Converts composer HTML to visible text, marking quoted history and signatures. */
export function htmlToText(html: string): VisibleText {
  const { text, kindRuns, links } = visibleText(html);
  const kinds = new Uint8Array(text.length);
  fillKinds(kinds, kindRuns);
  return { text, kinds, links };
}

/** Writes runs of kinds ([length, kind], in order) into `kinds` from its start. */
export function fillKinds(kinds: Uint8Array, kindRuns: ReadonlyArray<[number, TextKind]>): void {
  let p = 0;
  for (const [len, kind] of kindRuns) {
    kinds.fill(kind, p, p + len);
    p += len;
  }
}

/** The visible text and the runs of its kinds, for `htmlToText` or for a caller with its own array of kinds. */
export function visibleText(html: string): { text: string; kindRuns: Array<[number, TextKind]>; links: Link[] } {
  const out: string[] = [];
  const kindRuns: Array<[number, TextKind]> = []; // [length, kind]
  let length = 0;
  let atLineStart = true;
  let pendingSpace = false;
  const stack: Open[] = [];
  let forcedKind: TextKind | -1 = -1; // set once an Outlook reply header is seen: the rest is history
  const links: Link[] = [];

  const currentKind = (): TextKind => {
    if (forcedKind !== -1) return forcedKind;
    for (let i = stack.length - 1; i >= 0; i--) {
      const k = stack[i]!.kind;
      if (k !== -1) return k;
    }
    return OWN;
  };
  const emit = (s: string, kind: TextKind) => {
    if (!s) return;
    out.push(s);
    length += s.length;
    const last = kindRuns[kindRuns.length - 1];
    if (last && last[1] === kind) last[0] += s.length;
    else kindRuns.push([s.length, kind]);
  };
  // Line breaks as a browser's innerText gives them: a block boundary starts a new line
  // (never an empty one), <br> always breaks, and paragraphs stand apart by a blank line.
  const newline = () => {
    if (atLineStart) return;
    emit('\n', currentKind());
    atLineStart = true;
    pendingSpace = false;
  };
  const blankLine = () => {
    newline();
    if (length > 0 && !out[out.length - 1]!.endsWith('\n\n') && !(out.length > 1 && out[out.length - 1] === '\n' && out[out.length - 2]!.endsWith('\n'))) {
      emit('\n', currentKind());
    }
  };
  const text = (raw: string) => {
    let decoded = decodeEntities(raw);
    if (decoded.includes('\u200b') || decoded.includes('\ufeff')) decoded = decoded.replace(/[\u200b\ufeff]/g, '');
    // HTML collapses runs of whitespace to one space (done natively, in one pass); nbsp (U+00A0)
    // survives as a space. A space at either end is pending: it shows only between words.
    let words = MAY_COLLAPSE.test(decoded) ? decoded.replace(COLLAPSE, ' ') : decoded;
    if (!words) return;
    const leading = words.charCodeAt(0) === 32;
    const trailing = words.charCodeAt(words.length - 1) === 32;
    if (leading || trailing) words = words.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (words) {
      const kind = currentKind();
      if ((pendingSpace || leading) && !atLineStart) emit(' ', kind);
      emit(words.includes('\u00a0') ? words.replace(/\u00a0/g, ' ') : words, kind);
      atLineStart = false;
      pendingSpace = false;
    }
    if (trailing || (leading && !words)) pendingSpace = true;
  };

  let i = 0;
  let nextGt = -2;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    // Comments and declarations.
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    // The tag runs to the next '>'; remembering where that is keeps the pass linear
    // even on text full of stray '<' with no '>' after them.
    if (nextGt < lt) nextGt = html.indexOf('>', lt);
    if (nextGt === -1) {
      text(html.slice(lt));
      break;
    }
    // `<`, an optional `/`, a name, then anything up to that '>'.
    const closing = html.charCodeAt(lt + 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (nameStart >= nextGt || !isAsciiLetter(html.charCodeAt(nameStart))) {
      // A bare '<' in text ("a < b"): keep it.
      text('<');
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < nextGt && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    i = nextGt + 1;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const rawAttrs = html.slice(nameEnd, nextGt);

    if (!closing && SKIP_CONTENT.has(name)) {
      const closer = new RegExp(`</${name}\\b[^>]*>`, 'gi');
      closer.lastIndex = i;
      const close = closer.exec(html);
      i = close ? close.index + close[0].length : n;
      continue;
    }
    if (closing) {
      let j = stack.length - 1;
      while (j >= 0 && stack[j]!.name !== name) j--;
      if (j < 0) continue; // stray close tag
      while (stack.length > j) {
        const open = stack.pop()!;
        if (open.href !== undefined && open.linkStart !== undefined && open.linkOwn && length > open.linkStart) {
          links.push({ href: open.href, start: open.linkStart, end: length });
        }
        if (open.name === 'p') blankLine();
        else if (BLOCK.has(open.name)) newline();
      }
      continue;
    }
    if (name === 'br') {
      emit('\n', currentKind());
      atLineStart = true;
      pendingSpace = false;
      continue;
    }
    const attrs = rawAttrs.includes('=') ? attributes(rawAttrs) : NO_ATTRIBUTES;
    const cls = attrs.get('class') ?? '';
    const id = attrs.get('id') ?? '';
    let kind: TextKind | -1 = -1;
    if (name === 'blockquote' || (cls && QUOTE_CLASS.test(cls)) || (id && QUOTE_ID.test(id))) kind = QUOTE;
    else if ((cls && SIGNATURE_CLASS.test(cls)) || (id && SIGNATURE_ID.test(id)) || attrs.get('data-smartmail') === 'gmail_signature') kind = SIGNATURE;
    if (name === 'p') blankLine();
    else if (BLOCK.has(name)) newline();
    if (id && QUOTE_TO_END_ID.test(id)) forcedKind = QUOTE;
    if (name === 'hr' && /divRplyFwdMsg/i.test(html.slice(i, i + 400))) forcedKind = QUOTE; // Outlook's rule above the reply header
    if (name === 'li') text('- ');
    if (VOID.has(name) || rawAttrs.trimEnd().endsWith('/')) continue;
    const open: Open = { name, kind };
    if (name === 'a' && attrs.has('href')) {
      open.href = attrs.get('href')!;
      open.linkStart = length;
    }
    stack.push(open);
    if (open.href !== undefined) open.linkOwn = currentKind() === OWN;
    if (stack.length > 512) stack.splice(0, stack.length - 512); // pathological nesting: keep it bounded
  }

  return { text: out.join(''), kindRuns, links };
}
