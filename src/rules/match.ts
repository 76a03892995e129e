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
/**
 * Letters and digits of the scripts drafts are written in, as a plain class: the `u` flag and
 * \p{…} classes make every position of a scan several times slower in V8.
 */
const LETTER = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
// A phrase ends at a word's end; "best-placed" is not "best", but "Tidewell's" is "Tidewell".
const END = `(?![${LETTER}]|-[${LETTER}]|['’](?![sS](?![${LETTER}]))[${LETTER}])`;
/** What may not come just before a phrase that starts with a word ("re-check in", "unjust checking"). */
const BEFORE_WORD = new RegExp(`[${LETTER}'’-]`);

/** A phrase that opens with a group, split into the group's top-level alternatives and what follows it. */
function leadingGroup(text: string): { alts: string[]; rest: string } | null {
  let depth = 0;
  let from = 1;
  const alts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      alts.push(text.slice(from, i));
      return { alts, rest: text.slice(i + 1) };
    } else if (c === '|' && depth === 1) {
      alts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return null;
}

/** The first words a phrase can start with (lowercased, cut at an apostrophe or hyphen), or null when any word may. */
export function firstWords(say: string): Set<string> | null {
  const text = say.trimStart();
  if (!text) return null;
  if (text[0] === '(') {
    const group = leadingGroup(text);
    if (!group) return null;
    const { alts, rest } = group;
    const out = new Set<string>();
    for (const alt of alts) {
      const words = alt.trim() ? firstWords(alt) : firstWords(rest);
      if (!words) return null;
      for (const w of words) out.add(w);
    }
    return out;
  }
  const word = /^[A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]+/.exec(text);
  if (!word) return null;
  const w = word[0].toLowerCase();
  const after = text.slice(w.length);
  if (after[0] === '(') {
    // A group glued on: "congrat(s|ulations)" starts with "congrats" or "congratulations".
    const group = /^\(([^()]*)\)/.exec(after);
    if (!group) return null;
    return new Set(group[1]!.split('|').map((alt) => w + (/^[A-Za-z0-9_\u00C0-\u024F]*/.exec(alt)![0] ?? '').toLowerCase()));
  }
  if (after[0] === '-') {
    // "check-in" is also written "check in" and "checkin".
    const next = /^-([A-Za-z0-9_\u00C0-\u024F]+)/.exec(after);
    return new Set(next ? [w, w + next[1]!.toLowerCase()] : [w]);
  }
  return new Set([w]);
}

const LETTERS = /[A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
const TOKEN_CHARS = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** The word after a candidate first word: a few separator characters, then letters. */
const NEXT_TOKEN = new RegExp(`[^${TOKEN_CHARS}]{1,8}([${TOKEN_CHARS}]+)`, 'y');

/**
 * The first two words a phrase can start with, as "word word" keys, or null when they
 * can't be listed (a wildcard or a number early on, a hyphen, a one-word phrase, too
 * many variants). Words split where the text's words do: at anything not a letter, so
 * "I've reached" starts with "i ve".
 */
export function firstTwoWords(say: string): Set<string> | null {
  const out = new Set<string>();
  let ok = true;
  const walk = (rest: string, tokens: string[], cur: string): void => {
    if (!ok) return;
    if (out.size > 200) return void (ok = false);
    const done = () => {
      const all = cur ? [...tokens, cur] : tokens;
      if (all.length >= 2) out.add(`${all[0]} ${all[1]}`);
      else ok = false;
    };
    if (tokens.length >= 2) return void out.add(`${tokens[0]} ${tokens[1]}`);
    if (!rest) return done();
    const c = rest[0]!;
    if (c === '(') {
      const group = leadingGroup(rest);
      if (!group) return void (ok = false);
      const { alts, rest: after } = group;
      for (const alt of alts) {
        // An empty alternative skips the group, and the space after it.
        if (!alt.trim()) walk(cur ? after : after.replace(/^\s+/, ''), tokens, cur);
        else walk(alt + after, tokens, cur);
      }
      return;
    }
    if (c === '*' || c === '#' || c === '-' || c === ')' || c === '|') return void (ok = false);
    if (LETTERS.test(c)) return walk(rest.slice(1), tokens, cur + c.toLowerCase());
    // Any other character separates words, as in the text.
    return walk(rest.slice(1), cur ? [...tokens, cur] : tokens, '');
  };
  walk(say.trim(), [], '');
  return ok && out.size ? out : null;
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * Every first word of every compiled phrase list, numbered. A text's words are looked up
 * here once (a `TextIndex`); each list then finds its first words by number, so all the
 * lists share one tokenisation and one dictionary look-up per word. Open addressing over
 * a hash of the lowercased characters: a word is looked up without being cut out of the text.
 */
const VOCAB_WORDS: string[] = [];
let vocabSlots = new Int32Array(1024); // word number + 1; 0 is empty
/** Past this many words, lists compiled later scan with their own pattern (a bound on memory, not on results). */
const VOCAB_LIMIT = 200_000;
let vocabLongest = 0;

/** ASCII letters, digits and `_`: what `\b` in a pattern without the `u` flag counts as a word character. */
function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A letter of LETTER beyond ASCII (Latin-1 to Latin Extended-B, Greek, Cyrillic). */
function isWideLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x4ff);
}

/** One step of the word hash (FNV-1a) over an ASCII word character, lowercased. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619);
}
const HASH_SEED = 0x811c9dc5 | 0;

/** The number of the word `text[start, end)` (ASCII word characters, any case), or -1. */
function vocabLookUp(text: string, start: number, end: number, hash: number): number {
  const mask = vocabSlots.length - 1;
  const len = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const v = vocabSlots[slot]!;
    if (v === 0) return -1;
    const word = VOCAB_WORDS[v - 1]!;
    if (word.length !== len) continue;
    let k = 0;
    while (k < len) {
      const c = text.charCodeAt(start + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) break;
      k++;
    }
    if (k === len) return v - 1;
  }
}

function vocabHash(word: string, start = 0, end = word.length): number {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

/** The number of a first word (lowercase ASCII word characters), added when new; -1 past the limit. */
function vocabId(word: string): number {
  const found = vocabLookUp(word, 0, word.length, vocabHash(word));
  if (found !== -1) return found;
  if (VOCAB_WORDS.length >= VOCAB_LIMIT) return -1;
  if ((VOCAB_WORDS.length + 1) * 2 > vocabSlots.length) {
    // Keep the table at most half full: rehash into one twice the size.
    vocabSlots = new Int32Array(vocabSlots.length * 2);
    VOCAB_WORDS.forEach((w, id) => place(vocabHash(w), id));
  }
  const id = VOCAB_WORDS.length;
  VOCAB_WORDS.push(word);
  place(vocabHash(word), id);
  if (word.length > vocabLongest) vocabLongest = word.length;
  return id;
}

function place(hash: number, id: number): void {
  const mask = vocabSlots.length - 1;
  let slot = hash & mask;
  while (vocabSlots[slot] !== 0) slot = (slot + 1) & mask;
  vocabSlots[slot] = id + 1;
}

/**
 * Lists that share one pass over a text's words: the first 31 compiled with a word index
 * (the built-in lists, in practice). By word number, a bit for each such list that starts
 * a phrase with the word; a `TextIndex` sorts its words to those lists in one pass.
 */
const SLOT_LIMIT = 31;
let slotCount = 0;
const FIRST_WORD_SLOTS: number[] = [];
let slottedMaxId = -1;

function takeSlot(firstIds: readonly number[], maxId: number): number {
  if (slotCount >= SLOT_LIMIT) return -1;
  const slot = slotCount++;
  for (const id of firstIds) {
    while (FIRST_WORD_SLOTS.length <= id) FIRST_WORD_SLOTS.push(0);
    FIRST_WORD_SLOTS[id]! |= 1 << slot;
  }
  if (maxId > slottedMaxId) slottedMaxId = maxId;
  return slot;
}


/**
 * Which dictionary words the most recently asked `TextIndex` holds: `PRESENT[n]` is that
 * index's serial number (`stamped`) when it holds word n. Stamped again when another index
 * asks; a stale stamp can only say "maybe here" (then the phrase is simply tried), never "absent".
 */
let PRESENT = new Int32Array(1024);
let stamped = 0;
let serials = 0;

/** Integers of a `TextIndex`: a plain array for a draft, a typed one for a long paste. */
type Ints = number[] | Int32Array;
/** Past this many characters (or words), a `TextIndex` uses typed arrays. */
const LONG_TEXT = 1 << 16;

/** `TextIndex.flags`: a wider letter (é, ж) right after the word: no first word ends there (LETTER follows). */
export const WIDE_AFTER = 1;
/** `TextIndex.flags`: a wider letter between the word before and this one. */
export const WIDE_BEFORE = 2;

/**
 * A text cut into its words once, for every phrase list (and rule) to scan. A word here is
 * a run of ASCII letters, digits and `_`, exactly where `\b` in a pattern without the `u`
 * flag puts word boundaries; `ids` numbers it by the shared dictionary (-1 when not there).
 */
export class TextIndex {
  readonly text: string;
  // Plain arrays for a draft's size (a typed array's allocation costs more than the rest of
  // the pass); for a long paste, four views on one typed buffer grown by doubling (plain
  // arrays of a hundred thousand words grow slowly).
  readonly starts: Ints;
  readonly ends: Ints;
  readonly ids: Ints;
  /** WIDE_AFTER and WIDE_BEFORE bits. */
  readonly flags: Ints;
  readonly count: number;
  /** How many dictionary words existed when the words were looked up: words numbered since read as -1. */
  known: number;
  /**
   * For each slotted list (see `takeSlot`), the words where one of its first words stands:
   * slot s has `slotWords[slotStart[s]]` up to `slotWords[slotStart[s + 1]]`, in order.
   * `slotted`: how many lists had slots when they were sorted.
   */
  slotWords: Ints = [];
  readonly slotStart: number[] = new Array<number>(SLOT_LIMIT + 1).fill(0);
  slotted = 0;
  /** Tells indexes apart (a number never reused in a process). */
  readonly serial = ++serials;

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    const typed = n > LONG_TEXT;
    // About one word per six characters in prose; more room is made when a text has more.
    let cap = typed ? (n >> 2) + 16 : Infinity;
    const buffer = typed ? new Int32Array(4 * cap) : null;
    let starts: Ints = buffer ? buffer.subarray(0, cap) : [];
    let ends: Ints = buffer ? buffer.subarray(cap, 2 * cap) : [];
    let ids: Ints = buffer ? buffer.subarray(2 * cap, 3 * cap) : [];
    let flags: Ints = buffer ? buffer.subarray(3 * cap) : [];
    const longest = vocabLongest;
    let count = 0;
    let wide = 0;
    for (let i = 0; i < n; ) {
      let c = text.charCodeAt(i);
      if (!isAsciiWord(c)) {
        if (c >= 0xc0 && isWideLetter(c)) wide = WIDE_BEFORE;
        i++;
        continue;
      }
      let h = hashStep(HASH_SEED, c);
      let j = i + 1;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (!isAsciiWord(c)) break;
        h = hashStep(h, c);
      }
      if (count === cap) {
        const grown = new Int32Array(8 * cap);
        grown.set(starts as Int32Array, 0);
        grown.set(ends as Int32Array, 2 * cap);
        grown.set(ids as Int32Array, 4 * cap);
        grown.set(flags as Int32Array, 6 * cap);
        cap *= 2;
        starts = grown.subarray(0, cap);
        ends = grown.subarray(cap, 2 * cap);
        ids = grown.subarray(2 * cap, 3 * cap);
        flags = grown.subarray(3 * cap);
      }
      starts[count] = i;
      ends[count] = j;
      // (c is the character after the word, when there is one)
      const wideAfter = j < n && c >= 0xc0 && isWideLetter(c);
      flags[count] = wideAfter ? wide | WIDE_AFTER : wide;
      ids[count] = j - i > longest ? -1 : vocabLookUp(text, i, j, h);
      wide = wideAfter ? WIDE_BEFORE : 0;
      count++;
      i = j + 1; // the character at j is not a word character
    }
    this.starts = starts;
    this.ends = ends;
    this.ids = ids;
    this.flags = flags;
    this.count = count;
    this.known = VOCAB_WORDS.length;
  }

  /** Whether word number `id` stands anywhere in the text. */
  has(id: number): boolean {
    if (stamped !== this.serial) this.stamp();
    return PRESENT[id] === (this.serial | 0);
  }

  private stamp(): void {
    if (PRESENT.length < VOCAB_WORDS.length) PRESENT = new Int32Array(2 * VOCAB_WORDS.length);
    const { ids, count } = this;
    const serial = this.serial | 0;
    for (let t = 0; t < count; t++) {
      const id = ids[t]!;
      if (id >= 0) PRESENT[id] = serial;
    }
    stamped = this.serial;
  }

  /** Makes sure words numbered up to `maxId` are known (lists or rules set up since may have numbered more). */
  know(maxId: number): void {
    if (maxId < this.known) return;
    const { text, starts, ends, ids, count } = this;
    for (let t = 0; t < count; t++) {
      const s = starts[t]!;
      const e = ends[t]!;
      ids[t] = e - s > vocabLongest ? -1 : vocabLookUp(text, s, e, vocabHash(text, s, e));
    }
    this.known = VOCAB_WORDS.length;
    if (stamped === this.serial) stamped = 0;
  }

  /** One pass over the words for every slotted list (again when lists have taken slots since). */
  sortToSlots(): void {
    this.know(slottedMaxId);
    const table = FIRST_WORD_SLOTS;
    const { ids, flags, count } = this;
    // (a first word never ends where a wider letter follows: LETTER would go on)
    const bitsAt = (t: number) => {
      const id = ids[t]!;
      return id < 0 || id >= table.length || (flags[t]! & WIDE_AFTER) !== 0 ? 0 : table[id]!;
    };
    // Counted first, then laid out in one array: each slot's words in order.
    const sizes = new Array<number>(SLOT_LIMIT).fill(0);
    for (let t = 0; t < count; t++) for (let bits = bitsAt(t); bits !== 0; bits &= bits - 1) sizes[31 - Math.clz32(bits & -bits)]!++;
    const starts = this.slotStart;
    let total = 0;
    for (let slot = 0; slot < SLOT_LIMIT; slot++) {
      starts[slot] = total;
      total += sizes[slot]!;
    }
    starts[SLOT_LIMIT] = total;
    const words: Ints = total > LONG_TEXT ? new Int32Array(total) : new Array<number>(total);
    const fill = starts.slice();
    for (let t = 0; t < count; t++) for (let bits = bitsAt(t); bits !== 0; bits &= bits - 1) words[fill[31 - Math.clz32(bits & -bits)]!++] = t;
    this.slotWords = words;
    this.slotted = slotCount;
  }
}

/**
 * Numbers for words a rule looks for in a `TextIndex` (lowercase ASCII letters, digits, `_`):
 * a dense table from word number to `bit` for each (added to `into` when given), or null
 * past the dictionary's limit (then the rule scans with its pattern).
 */
export function wordTable(words: readonly string[], bit = 1, into: number[] = []): number[] | null {
  for (const w of words) {
    if (!PLAIN_WORD.test(w)) throw new Error(`not a plain lowercase word: ${w}`);
    const id = vocabId(w);
    if (id === -1) return null;
    while (into.length <= id) into.push(0);
    into[id]! |= bit;
  }
  return into;
}

/** Every keyed pattern made, for the test that checks their key words. */
export const KEYED_PATTERNS: KeyedPattern[] = [];

/**
 * A regular expression that can only match where one of its key words stands: every match
 * holds one of them as a whole word of the text (a run of ASCII letters, digits and `_`,
 * as a `TextIndex` cuts it), or, with `digits`, a word that starts with a digit. Asked of a
 * draft's words first, the pattern is not run at all where none of them is: most sentences
 * of most drafts hold none, and scanning a sentence costs far more than looking its words up.
 * The key words are data beside the pattern; test/rules/keyed.test.ts generates matches of
 * every pattern made (`KEYED_PATTERNS`) and checks that each one holds a key word.
 */
export class KeyedPattern {
  readonly re: RegExp;
  readonly keys: readonly string[];
  readonly digits: boolean;
  /** By dictionary number, 1 for a key word; null past the dictionary's limit (then every text may match). */
  private readonly table: number[] | null;
  private readonly ids: number[];

  constructor(re: RegExp, keys: readonly string[], options: { digits?: boolean } = {}) {
    KEYED_PATTERNS.push(this);
    this.re = re;
    this.keys = keys;
    this.digits = options.digits ?? false;
    this.table = wordTable(keys);
    this.ids = this.table ? keys.map(vocabId) : [];
  }

  /** Whether the indexed text holds a key word between `from` and `to` (the whole text by default). */
  mayMatch(index: TextIndex, from = 0, to = index.text.length): boolean {
    const table = this.table;
    if (!table) return true;
    index.know(table.length - 1);
    // The whole text, with fewer key words than words: each key word looked up once.
    if (from === 0 && to >= index.text.length && !this.digits && this.ids.length < index.count) {
      for (const id of this.ids) if (index.has(id)) return true;
      return false;
    }
    const { starts, ids, count, text } = index;
    // The first word starting at or after `from`.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    // A word cut by `from` or `to` leaves a piece at the slice's edge: that piece may be anything.
    const { ends } = index;
    if (lo > 0 && ends[lo - 1]! > from) return true;
    for (let t = lo; t < count && starts[t]! < to; t++) {
      if (ends[t]! > to) return true;
      const id = ids[t]!;
      if (id >= 0 && id < table.length && table[id] === 1) return true;
      if (this.digits) {
        const c = text.charCodeAt(starts[t]!);
        if (c >= 48 && c <= 57) return true;
      }
    }
    return false;
  }

  /** `re.test(text.slice(from, to))`, skipped when no key word stands there. */
  test(index: TextIndex, from = 0, to = index.text.length): boolean {
    if (!this.mayMatch(index, from, to)) return false;
    this.re.lastIndex = 0;
    return this.re.test(from === 0 && to >= index.text.length ? index.text : index.text.slice(from, to));
  }
}

/**
 * Words a phrase must contain, for a prefilter: one set per part of the phrase that stands
 * between spaces after the phrase has started (a plain word, or a group of plain words that
 * can't be skipped: "(deals|deal)" in "(a few|#) (deals|deal) short of quota"). Such a part
 * matches a whole word of the text (whitespace before it, whitespace or the phrase's end
 * after it), so a text with no word of one set can't match. A part that can't be read so
 * simply is left out: fewer sets only make the filter weaker, never wrong. `atWordStart`:
 * the phrase is only tried where a word of the text starts (a first-word candidate), so a
 * part after nothing but optional groups and wildcards also stands as a whole word.
 */
export function requiredWords(say: string, atWordStart = false): string[][] {
  const text = say.trim();
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return []; // unbalanced: read literally (phraseSource)
    if (depth === 0 && /\s/.test(c)) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (depth !== 0) return [];
  if (cur) parts.push(cur);
  const plainWords = (alt: string) => /^[A-Za-z0-9]+(?:\s+[A-Za-z0-9]+)*$/.test(alt.trim());
  // A part's words when it is a plain word or a group of plain words with no empty alternative.
  const sets = parts.map((part): string[] | null => {
    if (/^[A-Za-z0-9]+$/.test(part)) return [part.toLowerCase()];
    if (part[0] !== '(' || leadingGroup(part)?.rest !== '') return null;
    const alts = leadingGroup(part)!.alts;
    if (!alts.every((alt) => alt.trim() !== '' && plainWords(alt))) return null;
    return [...new Set(alts.map((alt) => alt.trim().split(/\s+/)[0]!.toLowerCase()))];
  });
  const starts = parts.map(surelyMatchesSomething);
  const last = text.slice(-1);
  const endGuarded = WORD_CHAR.test(last) || last === ')'; // END follows the phrase
  const out: string[][] = [];
  for (let k = 1; k < parts.length; k++) {
    const set = sets[k];
    if (!set) continue;
    // Whitespace before it, or (for a phrase tried only where a word starts) nothing but
    // skippable parts before it: then it opens the match or follows their whitespace.
    const before = starts.slice(0, k).some(Boolean) || (atWordStart && parts.slice(0, k).every(skippable));
    const after = endGuarded || starts.slice(k + 1).some(Boolean);
    if (before && after) out.push(set);
  }
  return out;
}

/** A wildcard or a group with an empty alternative, before anything is matched: compiled to nothing or `(?:… WS)?`. */
function skippable(part: string): boolean {
  if (part === '*') return true;
  const group = part[0] === '(' ? leadingGroup(part) : null;
  return !!group && group.rest === '' && group.alts.some((alt) => alt.trim() === '');
}

/**
 * Whether a part of a phrase (between spaces) always puts something in a match: a word, a
 * literal, '#', or a group none of whose alternatives can be empty. A wildcard or an
 * optional group may match nothing.
 */
function surelyMatchesSomething(part: string): boolean {
  if (part === '*') return false;
  let depth = 0;
  let outside = '';
  let group = '';
  const groups: string[] = [];
  for (const c of part) {
    if (c === '(' && depth++ === 0) continue;
    if (c === ')' && --depth === 0) {
      groups.push(group);
      group = '';
      continue;
    }
    if (depth === 0) outside += c;
    else group += c;
  }
  if (outside) return true;
  return groups.some((g) => {
    const alts = leadingGroup(`(${g})`)?.alts;
    return !!alts && alts.every((alt) => !alt.includes('(') && alt.trim().split(/\s+/).some((w) => w !== '*' && w !== ''));
  });
}

/** Candidates for one first word: phrases to try whatever follows, and phrases keyed by the word after. */
interface FirstWord {
  single: number[] | undefined;
  seconds: Map<string, number[]> | undefined;
  /** `seconds` by dictionary number, when every second word is plain ASCII (else the text is read for it). */
  secondIds: Map<number, number[]> | undefined;
  /** Bit (n mod 64) set for each second word's number n: most words after a first word are ruled out without a look-up. */
  secondBitsLo: number;
  secondBitsHi: number;
}

/** Whether bit (id mod 64) is set in the pair of 32-bit masks. */
function hasBit(lo: number, hi: number, id: number): boolean {
  return (((id & 32) === 0 ? lo : hi) >>> (id & 31)) & 1 ? true : false;
}

const PLAIN_WORD = /^[a-z0-9_]+$/;

/**
 * A compiled phrase list. Each phrase is indexed by the words it can start with; a scan
 * tokenises the text once and tries a phrase only where one of its first words stands,
 * so a list of fifty phrases costs about as much as one: linear in the text.
 */
export class PhraseList {
  private readonly entries: PhraseEntry[];
  private readonly sticky: RegExp[];
  private readonly byFirstWord = new Map<string, number[]>();
  /** Phrases indexed by their first two words, so common first words ("I", "if") try few phrases. */
  private readonly byPair = new Map<string, Map<string, number[]>>();
  /** Whether a phrase starts with a word (then the character before it must not be a letter). */
  private readonly wordStart: boolean[];
  /** Finds the next place any phrase of the list could start: its first words, as whole words. */
  private readonly firstWordRe: RegExp | null;
  /**
   * The same first words by dictionary number, for a `TextIndex` scan: an array when the
   * numbers are dense (the built-in lists), a map for a small list compiled late, and null
   * when a first word is not plain ASCII (then `firstWordRe` scans).
   */
  private readonly byId: Array<FirstWord | undefined> | Map<number, FirstWord> | null = null;
  /** The highest dictionary number of a first or second word. */
  private readonly maxId: number = -1;
  /** This list's place in the shared pass over a text's words, or -1 (then it reads every word). */
  private readonly slot: number = -1;
  /**
   * A list with no slot and a few first words (a prospect's company names): their numbers,
   * asked of the index before its words are read (a name not in the text costs a look-up or two).
   */
  private readonly fewFirstIds: number[] | null = null;
  /** Phrases whose first word can't be known (a number, a symbol): scanned the plain way. */
  private readonly anywhere: number[] = [];
  private readonly anywhereRe: RegExp | null;
  /**
   * What the text must hold for an `anywhere` phrase to match, by word number: bit k set
   * for the words of the k-th certain part (see `requiredWords`), with each phrase's bits
   * in `anywhereNeeds`. Null when not worked out (then the pattern always scans).
   */
  private anywhereBits: number[] | null = null;
  private readonly anywhereNeeds: number[] = [];
  /**
   * By phrase: sets of word numbers, a word of each of which the text must hold (see
   * `requiredWords`); null when there are none, undefined until the phrase is first tried.
   */
  private readonly needs: Array<number[][] | null | undefined>;
  private readonly needsMax: number[] = [];
  /** `mayMatch`'s answer for phrase i and the index with serial `checkedFor[i]`. */
  private readonly checkedFor: number[] = [];
  private readonly checked: boolean[] = [];

  constructor(phrases: readonly Phrase[]) {
    this.entries = phrases
      .map((p) => (typeof p === 'string' ? { say: p } : p))
      .filter((e) => e.say.trim() !== '');
    this.sticky = this.entries.map((e) => {
      const last = e.say.trim().slice(-1);
      return new RegExp(phraseSource(e.say) + (WORD_CHAR.test(last) || last === ')' ? END : ''), 'iy');
    });
    this.wordStart = this.entries.map((e) => WORD_CHAR.test(e.say.trim()[0] ?? ''));
    this.needs = new Array<number[][] | null | undefined>(this.entries.length).fill(undefined);
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    const first = new Set<string>();
    this.entries.forEach((e, i) => {
      const words = firstWords(e.say);
      if (!words) return void this.anywhere.push(i);
      for (const w of words) first.add(w);
      const pairs = firstTwoWords(e.say);
      if (pairs) {
        for (const pair of pairs) {
          const [a, b] = pair.split(' ') as [string, string];
          let second = this.byPair.get(a);
          if (!second) this.byPair.set(a, (second = new Map()));
          add(second, b, i);
        }
      }
      else for (const w of words) add(this.byFirstWord, w, i);
    });
    const keys = [...first].sort((a, b) => b.length - a.length);
    this.firstWordRe = keys.length ? new RegExp(`\\b(?:${keys.map(escape).join('|')})(?![${LETTER}])`, 'gi') : null;
    this.anywhereRe = this.anywhere.length ? new RegExp(this.anywhere.map((i) => `(${this.sticky[i]!.source})`).join('|'), 'gi') : null;
    const anywhereMaxId = this.indexAnywhere();

    // A first word of plain ASCII matches exactly where a TextIndex word equals it.
    if (!keys.every((w) => PLAIN_WORD.test(w))) return;
    const ids = keys.map(vocabId);
    if (ids.includes(-1)) return;
    let maxId = Math.max(anywhereMaxId, ...ids);
    const entries: FirstWord[] = keys.map((w) => {
      const seconds = this.byPair.get(w);
      let secondIds: Map<number, number[]> | undefined;
      let secondBitsLo = 0;
      let secondBitsHi = 0;
      if (seconds && [...seconds.keys()].every((b) => PLAIN_WORD.test(b))) {
        secondIds = new Map();
        for (const [b, list] of seconds) {
          const id = vocabId(b);
          if (id === -1) {
            secondIds = undefined;
            break;
          }
          secondIds.set(id, list);
          if ((id & 32) === 0) secondBitsLo |= 1 << (id & 31);
          else secondBitsHi |= 1 << (id & 31);
          if (id > maxId) maxId = id;
        }
      }
      return { single: this.byFirstWord.get(w), seconds, secondIds, secondBitsLo, secondBitsHi };
    });
    this.maxId = maxId;
    this.slot = takeSlot(ids, maxId);
    if (this.slot === -1 && !this.anywhere.length && ids.length <= 8) this.fewFirstIds = ids;
    if (maxId < 4 * keys.length + 1024) {
      const byId = new Array<FirstWord | undefined>(maxId + 1).fill(undefined);
      ids.forEach((id, k) => (byId[id] = entries[k]));
      this.byId = byId;
    } else this.byId = new Map(ids.map((id, k) => [id, entries[k]!]));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Fills `anywhereBits` and `anywhereNeeds`; the highest word number used, or -1. */
  private indexAnywhere(): number {
    if (!this.anywhere.length) return -1;
    const bits: number[] = [];
    let unit = 0;
    let maxId = -1;
    for (const i of this.anywhere) {
      let needs = 0;
      for (const words of requiredWords(this.entries[i]!.say)) {
        if (unit >= 31) break; // past 31 parts, the rest go unchecked (a weaker filter, never a wrong one)
        const ids = words.map(vocabId);
        if (ids.includes(-1)) continue;
        for (const id of ids) {
          bits[id] = (bits[id] ?? 0) | (1 << unit);
          if (id > maxId) maxId = id;
        }
        needs |= 1 << unit;
        unit++;
      }
      this.anywhereNeeds.push(needs);
    }
    const dense = new Array<number>(maxId + 1).fill(0);
    bits.forEach((b, id) => (dense[id] = b));
    this.anywhereBits = dense;
    return maxId;
  }

  /** Whether some `anywhere` phrase could match the indexed text: each has a word of every part it needs. */
  private anywhereMayMatch(index: TextIndex): boolean {
    const bits = this.anywhereBits;
    if (!bits) return true;
    index.know(bits.length - 1);
    const { ids, count } = index;
    let have = 0;
    for (let t = 0; t < count; t++) {
      const id = ids[t]!;
      if (id >= 0 && id < bits.length) have |= bits[id]!;
    }
    return this.anywhereNeeds.some((needs) => (have & needs) === needs);
  }

  private accept(text: string, index: number, start: number, end: number): boolean {
    const entry = this.entries[index]!;
    // (word start checked first: it is the cheapest and the most often decisive)
    if (start > 0 && this.wordStart[index] && BEFORE_WORD.test(text[start - 1]!)) return false;
    if (entry.unlessBefore && entry.unlessBefore.test(text.slice(Math.max(0, start - 60), start))) return false;
    if (entry.unlessAfter && entry.unlessAfter.test(text.slice(end, end + 80))) return false;
    if (entry.question && !sentenceIsQuestion(text, end)) return false;
    return true;
  }

  /**
   * Tries `candidates` (phrase numbers, in list order) at `start`: the end of the first that
   * matches and passes its guards (the match is added to `found`), or -1.
   */
  private tryAt(text: string, start: number, candidates: number[], found: PhraseMatch[], keep?: (start: number, end: number) => boolean, index?: TextIndex): number {
    for (const i of candidates) {
      if (index && !this.mayMatch(i, index)) continue;
      const re = this.sticky[i]!;
      re.lastIndex = start;
      // test() rather than exec(): a sticky test leaves the match's end in lastIndex, with no match array.
      if (!re.test(text)) continue;
      const end = re.lastIndex;
      if (end === start || !this.accept(text, i, start, end) || (keep && !keep(start, end))) continue;
      found.push({ start, end, text: text.slice(start, end), entry: this.entries[i]! });
      return end;
    }
    return -1;
  }

  /**
   * All matches in `text`, left to right, not overlapping, at most `limit`. A `keep`
   * test rejects a match the way a guard does, so `find(text, 1, keep)` is "the first
   * match that passes", and a scan that only asks "is there one?" stops there.
   * Pass a `TextIndex` when several lists scan the same text: it is cut into words once
   * and each list reads its first words by number (the results are the same either way).
   */
  find(source: string | TextIndex, limit = Infinity, keep?: (start: number, end: number) => boolean): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const text = typeof source === 'string' ? source : source.text;
    // A text scanned once (a string) takes the list's own pattern; an index shared by several lists is read by number.
    const byId = typeof source === 'string' ? null : this.byId;
    if (byId && limit > 0) {
      const index = source as TextIndex;
      index.know(this.maxId);
      const { starts, ends, ids, flags, count } = index;
      const dense = Array.isArray(byId) ? byId : null;
      const sparse = dense ? null : (byId as Map<number, FirstWord>);
      // (words numbered after this list was compiled are past the end of `dense`: never read there)
      const maxId = this.maxId;
      // A slotted list reads only the words sorted to it; another reads them all.
      const slot = this.slot;
      if (slot !== -1 && slot >= index.slotted) index.sortToSlots();
      if (this.fewFirstIds && !this.fewFirstIds.some((id) => index.has(id))) return found;
      const words = slot === -1 ? null : index.slotWords;
      const first = slot === -1 ? 0 : index.slotStart[slot]!;
      const last = slot === -1 ? count : index.slotStart[slot + 1]!;
      let from = 0; // matches don't overlap: words before the last match's end are passed over
      for (let k = first; k < last; k++) {
        const t = words ? words[k]! : k;
        const id = ids[t]!;
        if (id < 0 || id > maxId || (flags[t]! & WIDE_AFTER) !== 0 || starts[t]! < from) continue;
        const w = dense ? dense[id] : sparse!.get(id);
        if (w === undefined) continue;
        let paired: number[] | undefined;
        if (w.secondIds) {
          // The word after: 1 to 8 characters on, with no letter between (as NEXT_TOKEN reads it).
          const u = t + 1;
          const next = u < count ? ids[u]! : -1;
          if (next >= 0 && hasBit(w.secondBitsLo, w.secondBitsHi, next) && flags[u] === 0 && starts[u]! - ends[t]! <= 8) paired = w.secondIds.get(next);
        } else if (w.seconds) paired = this.secondWord(text, ends[t]!, w.seconds);
        const single = w.single;
        // Earlier phrases win at the same place: keep list order when both kinds apply.
        const candidates = paired && single ? mergeSorted(paired, single) : (paired ?? single);
        if (!candidates) continue;
        const end = this.tryAt(text, starts[t]!, candidates, found, keep, index);
        if (end === -1) continue;
        if (found.length >= limit) break;
        from = end;
      }
    } else if (this.firstWordRe) {
      const words = this.firstWordRe;
      words.lastIndex = 0;
      for (let w = words.exec(text); w && found.length < limit; w = words.exec(text)) {
        const start = w.index;
        const word = w[0].toLowerCase();
        const seconds = this.byPair.get(word);
        const paired = seconds && this.secondWord(text, start + w[0].length, seconds);
        const single = this.byFirstWord.get(word);
        const candidates = paired && single ? mergeSorted(paired, single) : (paired ?? single);
        if (!candidates) continue;
        const end = this.tryAt(text, start, candidates, found, keep);
        if (end !== -1) words.lastIndex = end; // matches don't overlap
      }
    }
    if (this.anywhereRe && (!byId || limit <= 0 || this.anywhereMayMatch(source as TextIndex))) {
      const re = this.anywhereRe;
      re.lastIndex = 0;
      const extra: PhraseMatch[] = [];
      for (let m = re.exec(text); m && extra.length < limit; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let g = 1;
        while (g < m.length && m[g] === undefined) g++;
        const i = this.anywhere[g - 1]!;
        const start = m.index;
        const end = start + m[0].length;
        if (!this.accept(text, i, start, end) || (keep && !keep(start, end))) {
          re.lastIndex = start + 1;
          continue;
        }
        extra.push({ start, end, text: m[0], entry: this.entries[i]! });
      }
      if (extra.length) {
        const merged = [...found, ...extra].sort((a, b) => a.start - b.start);
        const out: PhraseMatch[] = [];
        for (const m of merged) if (!out.length || m.start >= out[out.length - 1]!.end) out.push(m);
        return out.slice(0, limit);
      }
    }
    return found;
  }

  /** Whether the indexed text holds a word of every set phrase `i` needs (else it can't match anywhere in it). */
  private mayMatch(i: number, index: TextIndex): boolean {
    let sets = this.needs[i];
    if (sets === undefined) {
      // Worked out when the phrase is first tried (most never are in a session): cheaper to start.
      const found = requiredWords(this.entries[i]!.say, true)
        .map((words) => words.map(vocabId))
        .filter((ids) => !ids.includes(-1));
      sets = this.needs[i] = found.length ? found : null;
      this.needsMax[i] = Math.max(-1, ...found.flat());
    }
    if (!sets) return true;
    // Once per phrase and text: a phrase is often tried at several of its first words.
    if (this.checkedFor[i] === index.serial) return this.checked[i]!;
    index.know(this.needsMax[i]!); // (words numbered just now are unknown to an index cut before)
    let may = true;
    for (const set of sets) {
      let here = false;
      for (const id of set) {
        if (index.has(id)) {
          here = true;
          break;
        }
      }
      if (!here) {
        may = false;
        break;
      }
    }
    this.checkedFor[i] = index.serial;
    this.checked[i] = may;
    return may;
  }

  /** Phrases keyed by the word after a first word that ends at `wordEnd`. */
  private secondWord(text: string, wordEnd: number, seconds: Map<string, number[]>): number[] | undefined {
    NEXT_TOKEN.lastIndex = wordEnd;
    const next = NEXT_TOKEN.exec(text);
    return next ? seconds.get(next[1]!.toLowerCase()) : undefined;
  }

  test(text: string | TextIndex): boolean {
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
