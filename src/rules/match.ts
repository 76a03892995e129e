/**
 * Phrase lists are data. A phrase is written the way a salesperson would type it,
 * with a little syntax so one line covers the usual variants:
 *
 * - `just checking in`: words match case-insensitively, any whitespace between.
 * - `(last|previous|earlier)`: one of the alternatives; `(really|)` makes a word optional.
 * - `*`: up to three other words in the same sentence ("did * get a chance").
 * - `#`: a number, in digits or words ("# times").
 * - `follow-up` also matches "follow up" and "followup"; `'` also matches `’`.
 *
 * Everything else is literal, so a phrase typed on the options page can never
 * become a slow or broken regular expression: the compiled pattern has no nested
 * unbounded quantifiers and every list is one linear scan.
 */

export interface PhraseEntry {
  say: string;
  /** Skip the match when the text just before it matches this (tested on up to 60 characters). */
  unlessBefore?: RegExp;
  /** Skip the match when the text just after it matches this (anchored at the match's end). */
  unlessAfter?: RegExp;
  /** Count the match only when its sentence is a question. */
  question?: boolean;
}
export type Phrase = string | PhraseEntry;

export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
  entry: PhraseEntry;
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|numerous|a few|a couple of|a number of';
const WS = '[\\s\\u00a0]+';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One word or literal fragment of a phrase, made tolerant of apostrophe and hyphen variants. */
function literal(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === "'" || c === '’') out += "['’]";
    else if (c === '-' && i > 0 && i < word.length - 1) out += '[-\\s]?';
    else out += escape(c);
  }
  return out;
}

function words(text: string): string {
  return text.trim().split(/\s+/).filter(Boolean).map(literal).join(WS);
}

interface Unit {
  src: string;
  /** Whitespace separates it from what comes before (else it is glued on: "update(s|)"). */
  spaced: boolean;
  optional: boolean;
  wildcard: boolean;
}

/** Parses a sequence of words, groups and wildcards up to `)` or `|` (or the end). */
function parseSequence(say: string, at: { i: number }, inGroup: boolean): Unit[] {
  const units: Unit[] = [];
  let word = '';
  let spaced = true;
  const flush = () => {
    if (!word) return;
    if (word === '*') units.push({ src: '', spaced, optional: false, wildcard: true });
    else if (word === '#') units.push({ src: `(?:\\d+|${NUMBER_WORDS.split('|').map(words).join('|')})`, spaced, optional: false, wildcard: false });
    else units.push({ src: literal(word), spaced, optional: false, wildcard: false });
    word = '';
    spaced = false;
  };
  while (at.i < say.length) {
    const c = say[at.i]!;
    if (inGroup && (c === ')' || c === '|')) break;
    at.i++;
    if (/\s/.test(c)) {
      flush();
      spaced = true;
    } else if (c === '(') {
      flush();
      const alts: string[] = [];
      let optional = false;
      for (;;) {
        const seq = compileSequence(parseSequence(say, at, true));
        if (seq) alts.push(seq);
        else optional = true;
        const close = say[at.i++];
        if (close !== '|') break; // ')' or the end of the phrase
      }
      if (alts.length) units.push({ src: `(?:${alts.join('|')})`, spaced, optional, wildcard: false });
      spaced = false;
    } else if (c === ')' ) {
      word += c; // stray ')' outside a group: literal
    } else word += c;
  }
  flush();
  return units;
}

function compileSequence(units: Unit[]): string {
  let src = '';
  let started = false;
  for (const u of units) {
    if (u.wildcard) {
      if (started) src += `(?:${WS}[^\\s.!?]+){0,3}`;
      continue;
    }
    const sep = started && u.spaced ? WS : '';
    if (u.optional) src += started ? `(?:${sep}${u.src})?` : `(?:${u.src}${WS})?`;
    else {
      src += sep + u.src;
      started = true;
    }
  }
  return src;
}

/** Compiles one phrase to a regular-expression source (no flags, no boundaries). */
export function phraseSource(say: string): string {
  let depth = 0;
  for (const c of say) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) break;
  }
  if (depth !== 0) return words(say); // unbalanced parentheses: take it literally
  return compileSequence(parseSequence(say.trim(), { i: 0 }, false));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A compiled phrase list: one regular expression, one linear scan. */
export class PhraseList {
  private readonly entries: PhraseEntry[];
  private readonly re: RegExp;

  constructor(phrases: readonly Phrase[]) {
    this.entries = phrases
      .map((p) => (typeof p === 'string' ? { say: p } : p))
      .filter((e) => e.say.trim() !== '');
    const alts = this.entries.map((e) => {
      const src = phraseSource(e.say);
      const first = e.say.trim()[0] ?? '';
      const last = e.say.trim().slice(-1);
      const pre = WORD_CHAR.test(first) || first === '(' ? "(?<![\\p{L}\\p{N}_'’-])" : '';
      // A phrase ends at a word's end; "best-placed" is not "best", but "Tidewell's" is "Tidewell".
      const post = WORD_CHAR.test(last) || last === ')' ? "(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}]|['’](?![sS](?![\\p{L}\\p{N}]))[\\p{L}\\p{N}])" : '';
      return `(${pre}${src}${post})`;
    });
    this.re = new RegExp(alts.length ? alts.join('|') : '(?!)', 'giu');
  }

  get size(): number {
    return this.entries.length;
  }

  /** All matches in `text`, left to right, not overlapping, at most `limit`. */
  find(text: string, limit = Infinity): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const re = new RegExp(this.re.source, this.re.flags);
    for (let m = re.exec(text); m && found.length < limit; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const entry = this.entries[g - 1]!;
      const start = m.index;
      const end = start + m[0].length;
      const vetoed =
        (entry.unlessBefore && entry.unlessBefore.test(text.slice(Math.max(0, start - 60), start))) ||
        (entry.unlessAfter && entry.unlessAfter.test(text.slice(end, end + 80))) ||
        (entry.question && !sentenceIsQuestion(text, end));
      if (vetoed) {
        // Another phrase may start inside the vetoed words: look again from the next character.
        re.lastIndex = start + 1;
        continue;
      }
      found.push({ start, end, text: m[0], entry });
    }
    return found;
  }

  test(text: string): boolean {
    return this.find(text, 1).length > 0;
  }
}

/** Whether the sentence running through `from` ends in a question mark (looks at most 200 characters ahead). */
export function sentenceIsQuestion(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 200);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '?') return true;
    if (c === '.' || c === '!' || c === '\n') return false;
  }
  return false;
}
