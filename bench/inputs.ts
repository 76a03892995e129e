/**
 * Bench inputs, built the same way every run (no randomness), so the parent process
 * and the child processes it spawns measure the same text.
 */
import { touchwise } from './touchwise.ts';

const { looksLikeHtml, makeDraft } = touchwise;
import { loadCorpus, type CorpusDraft } from '../test/support/corpus.ts';

/** `unit` repeated to exactly `chars` characters (inputs here are ASCII: characters = bytes). */
export function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/**
 * Plain-text corpus bodies the scorer reads as the writer's own words: no quoted history,
 * and no "-- " signature delimiter (after which everything is signature), so a long
 * concatenation is scored in full, not skipped.
 */
export function plainOwnBodies(corpus: CorpusDraft[]): string[] {
  return corpus.map((d) => d.body).filter((b) => !looksLikeHtml(b) && !/^-- ?\r?$/m.test(b) && !makeDraft({ body: b }).quoted.trim());
}

/** Realistic plain text of `bytes` UTF-8 bytes: corpus bodies one after another, in corpus order. */
export function corpusText(bodies: string[], bytes: number): string {
  if (!bodies.length) throw new Error('no plain-text corpus bodies');
  let out = '';
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = (out ? '\n\n' : '') + bodies[i % bodies.length]!;
    const pieceBytes = Buffer.byteLength(piece);
    if (size + pieceBytes <= bytes) {
      out += piece;
      size += pieceBytes;
      continue;
    }
    // The last piece only in part: as many characters as fit (never half a surrogate pair).
    let cut = bytes - size;
    while (cut > 0 && Buffer.byteLength(piece.slice(0, cut)) > bytes - size) cut--;
    if (cut > 0 && /[\uD800-\uDBFF]/.test(piece[cut - 1]!)) cut--;
    out += piece.slice(0, cut);
    break;
  }
  return out;
}

/**
 * A Gmail composer body for HTML at size: the longest in the corpus with Gmail's markup,
 * with quoted history (`gmail_quote`) or without.
 */
export function gmailBody(corpus: CorpusDraft[], quoted: boolean): CorpusDraft {
  const gmail = corpus.filter((d) => looksLikeHtml(d.body) && /gmail_/.test(d.body) && /gmail_quote/.test(d.body) === quoted);
  if (!gmail.length) throw new Error(`no Gmail-style HTML draft ${quoted ? 'with' : 'without'} quoted history in the corpus`);
  return gmail.reduce((a, b) => (b.body.length > a.body.length ? b : a));
}

/** Whole copies of an HTML body until `bytes` is reached (a composer holds whole documents, not cut tags). */
export function htmlText(body: string, bytes: number): string {
  return body.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(body))));
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain corpus text as Gmail's composer holds it (a `<div>` per line, `<div><br></div>`
 * for a blank one), in whole lines until `bytes` is reached: all of it the writer's own.
 */
export function gmailMarkup(bodies: string[], bytes: number): string {
  const open = '<div dir="ltr">';
  const close = '</div>';
  let out = open;
  for (let i = 0; Buffer.byteLength(out) + close.length < bytes; i++) {
    for (const line of ((i ? '\n' : '') + bodies[i % bodies.length]!).split('\n')) {
      out += line ? `<div>${escapeHtml(line)}</div>` : '<div><br></div>';
    }
  }
  return out + close;
}

export const PASTE_UNIT = 'just checking in ';

export interface Pathological {
  id: string;
  label: string;
  build(chars: number): string;
}

/** Inputs built to trip a backtracking regular expression or a quadratic loop. */
export const PATHOLOGICAL: Pathological[] = [
  { id: 'spaces', label: 'spaces only', build: (n) => repeatTo(' ', n) },
  { id: 'newlines', label: 'newlines only (`\\n`)', build: (n) => repeatTo('\n', n) },
  { id: 'crlf', label: 'Windows line breaks (`\\r\\n`)', build: (n) => repeatTo('\r\n', n) },
  { id: 'space-newline', label: 'runs of 40 spaces, then 40 newlines', build: (n) => repeatTo(' '.repeat(40) + '\n'.repeat(40), n) },
  { id: 'a-a', label: '`a a a a …`', build: (n) => repeatTo('a ', n) },
  { id: 'lt', label: '`<<<<…`', build: (n) => repeatTo('<', n) },
  { id: 'brace', label: '`{{{{…`', build: (n) => repeatTo('{', n) },
  { id: 'bracket', label: '`[[[[…`', build: (n) => repeatTo('[', n) },
  { id: 'percent', label: '`%%%%…`', build: (n) => repeatTo('%', n) },
  { id: 'merge-open', label: '`{{first_name {{first_name …` (never closed)', build: (n) => repeatTo('{{first_name ', n) },
  { id: 'div', label: '`<div><div>…` (never closed)', build: (n) => repeatTo('<div>', n) },
  { id: 'a-open', label: '`<a <a <a …` (no `>`)', build: (n) => repeatTo('<a ', n) },
  { id: 'entities', label: '`<p>&amp&#x&#&…` (broken entities, as HTML)', build: (n) => '<p>' + repeatTo('&amp&#x&#&', n - 3) },
  { id: 'word', label: 'one word, no spaces', build: (n) => repeatTo('abcdefghijklmnopqrstuvwxyz', n) },
  { id: 'just-checking', label: '`just checking just checking …` (phrase never completed)', build: (n) => repeatTo('just checking ', n) },
  { id: 'reached-out', label: "`I've reached out I've reached out …`", build: (n) => repeatTo("I've reached out ", n) },
  { id: 'dots', label: '`. . . .` (a sentence per two characters)', build: (n) => repeatTo('. ', n) },
];

let corpusCache: { corpus: CorpusDraft[]; bodies: string[] } | undefined;
function corpusOnce() {
  if (!corpusCache) {
    const corpus = loadCorpus();
    corpusCache = { corpus, bodies: plainOwnBodies(corpus) };
  }
  return corpusCache;
}

/**
 * Named inputs, so a child process rebuilds exactly the text the parent measures from
 * argv alone: `corpus`, `paste`, `gmail-markup`, `gmail-body`, `gmail-reply`, or a
 * PATHOLOGICAL id; `chars` is the size (bytes for the corpus-based ones).
 */
export function namedInput(id: string, chars: number): string {
  if (id === 'paste') return repeatTo(PASTE_UNIT, chars);
  const p = PATHOLOGICAL.find((x) => x.id === id);
  if (p) return p.build(chars);
  const { corpus, bodies } = corpusOnce();
  if (id === 'corpus') return corpusText(bodies, chars);
  if (id === 'gmail-markup') return gmailMarkup(bodies, chars);
  if (id === 'gmail-body') return htmlText(gmailBody(corpus, false).body, chars);
  if (id === 'gmail-reply') return htmlText(gmailBody(corpus, true).body, chars);
  throw new Error(`unknown input: ${id}`);
}
