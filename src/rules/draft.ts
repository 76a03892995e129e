/**
 * Draft normalisation: what the writer actually wrote, ready for the rules.
 *
 * The draft arrives as plain text or composer HTML. We keep the visible text whole
 * (so every finding's offsets point into what the user sees) and mark which parts
 * are quoted history or a signature. Rules read `own`: the visible text with those
 * parts blanked to spaces, the same length, so offsets need no mapping at all.
 */
import { OWN, QUOTE, SIGNATURE, fillKinds, looksLikeHtml, visibleText, type Link, type TextKind } from './html.ts';
import { companyTerms, domainOf, isFreeMailDomain } from './company.ts';
import { KeyedPattern, TextIndex } from './match.ts';
import type { DraftInput, Exchange } from './types.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Draft {
  input: DraftInput;
  /** The text the user sees; findings' offsets point into it. */
  text: string;
  /** `text` with quoted history and signature blanked to spaces (line breaks kept), up to the writer's last word. */
  own: string;
  /** `text` with everything but quoted history blanked; empty when nothing is quoted. */
  quoted: string;
  /** Where the writer's own words begin and end. */
  body: Span;
  /** Sentences of the writer's own text (a line break ends one too). */
  sentences: Span[];
  wordCount: number;
  links: Link[];
  /** Lowercased names the prospect's company goes by (from context and recipient domains). */
  companyTerms: string[];
  /** Lowercased addresses of people whose messages are quoted below the draft. */
  quotedAuthors: string[];
  /** The header lines of quoted messages ("On …, Dana Reyes <dana@…> wrote:", "From: …"). */
  quotedHeaders: string[];
  recipients: string[];
  exchange: Exchange;
  /** Whether `exchange` came from the caller (true) or was read from the draft. */
  exchangeGiven: boolean;
  /** Per-draft memo for detectors that several rules share: one slot each (`memoSlot`), never `undefined` once set. */
  memo: unknown[];
}

interface Line {
  start: number;
  end: number; // excluding the line break
  text: string;
}

const NON_BLANK = /\S/g;

/**
 * The lines of a text that hold something: quote and signature detection never look at
 * blank ones (and "On Monday … \n\n wrote:" still reads as one header).
 */
function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    // Jump to the next non-blank character, then take its whole line.
    NON_BLANK.lastIndex = start;
    const first = NON_BLANK.exec(text);
    if (!first) break;
    start = text.lastIndexOf('\n', first.index) + 1;
    const nl = text.indexOf('\n', first.index);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end; // CRLF
    out.push({ start, end, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return out;
}

/** "On Mon, 2 Nov 2026 at 09:14, Dana <dana@x.com> wrote:" and its translations. */
const QUOTE_HEADER = /^\s*(?:On|Le|El|Am|Op|Il|Em|Den|Dne|W dniu|Il giorno)\s.{0,300}?(?:wrote|a écrit|escribió|schrieb|schreef|ha scritto|escreveu|skrev|napsal|napisał)\s*:\s*$/i;
const QUOTE_HEADER_START = /^\s*(?:On|Le|El|Am|Op|Il giorno)\s.{4,200}$/i;
const QUOTE_HEADER_END = /^.{0,200}?(?:wrote|a écrit|escribió|schrieb|schreef|ha scritto|escreveu|skrev)\s*:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i;
const FROM_LINE = /^\s*\*?(?:From|Von|De|Van)\s*:\*?\s+\S/i;
const SENT_LINE = /^\s*\*?(?:Sent|Date|Gesendet|Envoyé|Enviado|Verzonden)\s*:\*?\s+\S/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const SIG_DELIMITER = /^-- ?$/;
const MOBILE_FOOTER = /^\s*(?:Sent from my \w+|Sent from (?:Outlook|Mail|Yahoo Mail)\b.*|Get Outlook for (?:iOS|Android)\b.*|Sent from Gmail Mobile)\s*$/i;
/** A sign-off on a line of its own, optionally with a name: "Best,", "Cheers, Sam", "Thank you!". */
const SIGN_OFF = /^\s*(?:(?:best|kind|warm|warmest|many|all the best|with best|regards|best regards|kind regards|warm regards|sincerely|yours(?: sincerely| truly| faithfully)?|cheers|thanks|thank you|many thanks|thanks again|thx|talk soon|speak soon|all best|respectfully|cordially|warmly|cheers again|take care|mit freundlichen grüßen|cordialement|saludos|un saludo)(?: (?:regards|wishes))?)\s*[,.!—–-]?\s*(?:[\p{L}.'’-]+(?: [\p{L}.'’-]+){0,2})?\s*$/iu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** `text` with every character not of kind `keep` turned to a space (line breaks stay): same length, same offsets. */
function blank(text: string, kinds: Uint8Array, keep: number): string {
  // Most drafts are one kind throughout: nothing to blank, or nothing kept.
  let k = 0;
  while (k < kinds.length && kinds[k] === keep) k++;
  if (k === kinds.length) return text;
  const parts: string[] = [];
  let runStart = 0;
  const n = text.length;
  let nl = -2; // the next line break at or after where we are (-1: none): found once per break, so the pass stays linear
  while (runStart < n) {
    const kept = kinds[runStart] === keep;
    let i = runStart + 1;
    while (i < n && (kinds[i] === keep) === kept) i++;
    if (kept) parts.push(text.slice(runStart, i));
    else {
      // Spaces for everything but line breaks.
      for (let at = runStart; at < i; ) {
        if (nl !== -1 && nl < at) nl = text.indexOf('\n', at);
        const lineEnd = nl === -1 || nl >= i ? i : nl;
        if (lineEnd > at) parts.push(' '.repeat(lineEnd - at));
        if (lineEnd < i) parts.push('\n');
        at = lineEnd + 1;
      }
    }
    runStart = i;
  }
  return parts.join('');
}

/**
 * Words as a reader counts them ("don't" and "follow-up" are one each): the matches of
 * /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF'’-]*\/g,
 * counted in one pass with no match object per word.
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordLetter(c)) {
      if (!inWord) n++;
      inWord = true;
    } else inWord = inWord && (c === 39 || c === 0x2019 || c === 45); // ' ’ - go on a word, never start one
  }
  return n;
}

/** A character that starts a word: ASCII letters and digits, Latin-1 to Latin Extended-B, Greek, Cyrillic. */
function isWordLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** Marks quoted history and signatures that plain text (or HTML without markers) carries. */
function markPlainText(text: string, ls: Line[], kinds: Uint8Array, quotedAuthors: Set<string>, quotedHeaders: string[]): void {
  let historyAt = -1;
  for (let i = 0; i < ls.length && historyAt === -1; i++) {
    const l = ls[i]!;
    if (kinds[l.start] === QUOTE && l.text.trim()) continue;
    const t = l.text;
    if (t.length > 400) continue;
    const next = ls[i + 1]?.text ?? '';
    if (QUOTE_HEADER.test(t)) historyAt = i;
    else if (QUOTE_HEADER_START.test(t) && !/[.!?]\s*$/.test(t) && QUOTE_HEADER_END.test(next) && (t + next).length < 400 && /\d/.test(t + next)) historyAt = i;
    else if (ORIGINAL_MESSAGE.test(t)) historyAt = i;
    else if (FROM_LINE.test(t) && ls.slice(i + 1, i + 5).some((x) => SENT_LINE.test(x.text))) {
      historyAt = i > 0 && OUTLOOK_RULE.test(ls[i - 1]!.text) ? i - 1 : i;
    }
  }
  if (historyAt !== -1) {
    const from = ls[historyAt]!.start;
    // Who wrote the quoted message: addresses in its header (the next few lines).
    const header = ls.slice(historyAt, historyAt + 6).map((l) => l.text).join('\n');
    if (header.includes('@')) for (const m of header.matchAll(EMAIL)) quotedAuthors.add(m[0].toLowerCase());
    quotedHeaders.push(header.slice(0, 400));
    // An inline reply quotes with "> " and answers between the quoted lines: there only the
    // header and the "> " lines are history. Otherwise everything from the header on is.
    const firstQuoted = ls.slice(historyAt + 1).find((l) => l.text.trim() !== '' && !QUOTE_HEADER_END.test(l.text));
    const interleaved = firstQuoted !== undefined && /^\s*>/.test(firstQuoted.text) && ls.slice(historyAt + 1).some((l) => l.text.trim() !== '' && !/^\s*>/.test(l.text) && kinds[l.start] === OWN);
    if (interleaved) {
      const headerEnd = QUOTE_HEADER.test(ls[historyAt]!.text) ? ls[historyAt]!.end : (ls[historyAt + 1]?.end ?? ls[historyAt]!.end);
      kinds.fill(QUOTE, from, Math.min(text.length, headerEnd + 1));
    } else kinds.fill(QUOTE, from);
  }
  // "> " lines are quoted wherever they are (inline replies interleave them with answers).
  for (const l of ls) {
    if (/^\s*>/.test(l.text) && kinds[l.start] === OWN) kinds.fill(QUOTE, l.start, Math.min(text.length, l.end + 1));
  }
  // Signatures: the "-- " delimiter, mobile footers, and the lines after a sign-off.
  const ownLines = ls.filter((l) => kinds[l.start] === OWN);
  for (const l of ownLines) {
    if (SIG_DELIMITER.test(l.text)) {
      const stop = historyAt === -1 ? text.length : ls[historyAt]!.start;
      for (let k = l.start; k < stop; k++) if (kinds[k] === OWN) kinds[k] = SIGNATURE;
      break;
    }
    if (MOBILE_FOOTER.test(l.text)) kinds.fill(SIGNATURE, l.start, l.end);
  }
  const remaining = ownLines.filter((l) => kinds[l.start] === OWN && l.text.trim() !== '');
  for (let i = remaining.length - 1; i >= Math.max(0, remaining.length - 10); i--) {
    const l = remaining[i]!;
    if (l.text.trim().length > 60 || !SIGN_OFF.test(l.text)) continue;
    // A postscript after the name is the writer's again: "P.S. Or grab any slot here: …".
    let after = remaining.slice(i + 1);
    const ps = after.findIndex((x) => POSTSCRIPT.test(x.text));
    if (ps !== -1) after = after.slice(0, ps);
    if (looksLikeSignatureBlock(after.map((x) => x.text))) {
      for (const x of after) for (let k = x.start; k < x.end; k++) if (kinds[k] === OWN) kinds[k] = SIGNATURE;
    }
    break;
  }
}

const POSTSCRIPT = /^\s*p\.?\s?p?\.?\s?s\.?(?:\s|:|-|–|—)/i;

/** Lines after a sign-off that read as a name, title, company and contact details, not more message. */
function looksLikeSignatureBlock(after: string[]): boolean {
  if (after.length > 8) return false;
  const wordsIn = (t: string) => t.trim().split(/\s+/).filter(Boolean).length;
  if (after.length && (wordsIn(after[0]!) > 4 || /[?:]\s*$/.test(after[0]!))) return false;
  return after.every((t) => t.trim().length <= 90 && wordsIn(t) <= 14 && !/\?\s*$/.test(t));
}

/**
 * What splitSentences needs to know of a character, in one lookup (a chain of range tests
 * costs a mispredicted branch at nearly every word's edge): whether it starts or goes on a
 * word, whether it may end a sentence, whether it is a blank that no sentence starts with.
 */
const LETTER = 1;
const JOINER = 2; // ' ’ -: go on a word, never start one
const STOP = 4; // . ! ? and the line break
const BLANK = 8; // space, tab, line feed, carriage return
const SENTENCE_CLASS = (() => {
  const t = new Uint8Array(0x500);
  for (let c = 0; c < t.length; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || c >= 0x370) t[c] = LETTER;
  }
  t[39] = t[45] = JOINER;
  t[46] = t[33] = t[63] = STOP;
  t[10] = STOP | BLANK;
  t[32] = t[9] = t[13] = BLANK;
  return t;
})();

/** Starts of sentences: after . ! ? (followed by space) and at line breaks. */
function splitSentences(own: string, body: Span): { sentences: Span[]; words: number } {
  const out: Span[] = [];
  let start = -1;
  // Words are counted in the same pass, as a reader counts them: a run that starts with a letter
  // or digit and goes on through ' ’ - ("don't", "follow-up": one each).
  let words = 0;
  let inWord = false;
  for (let i = body.start; i < body.end; i++) {
    const c = own.charCodeAt(i);
    const k = c < 0x500 ? SENTENCE_CLASS[c]! : c === 0x2019 ? JOINER : 0;
    if (k === LETTER) {
      // (most characters: a letter neither ends a sentence nor is blank)
      if (!inWord) words++;
      inWord = true;
      if (start === -1) start = i;
      continue;
    }
    inWord = inWord && k === JOINER;
    if (start === -1) {
      if ((k & BLANK) === 0) start = i;
      continue;
    }
    if ((k & STOP) === 0) continue;
    const endsHere = c === 10 || ((i + 1 >= body.end || closesSentence(own.charCodeAt(i + 1))) && !ABBREVIATION.test(own.slice(Math.max(start, i - 6), i)));
    if (endsHere) {
      const end = c === 10 ? i : i + 1;
      if (hasNonSpace(own, start, end)) out.push({ start, end });
      start = -1;
    }
  }
  if (start !== -1 && hasNonSpace(own, start, body.end)) out.push({ start, end: body.end });
  return { sentences: out, words };
}

const ABBREVIATION = /\b(?:e\.g|i\.e|Mr|Ms|Mrs|Dr|vs|etc|approx|St)$/;

/** What may follow . ! ? at a sentence's end: /[\s"'”’)]/. */
function closesSentence(c: number): boolean {
  return isSpace(c) || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41;
}

/** JavaScript's whitespace (what \s and trim() take): tab to carriage return, space, nbsp, and the Unicode spaces. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0xa0 &&
      (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
  );
}

/** Whether `text[start, end)` holds anything but whitespace (what `slice(start, end).trim()` tells). */
function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

const LIVE_SIGNALS =
  /\b(?:(?:thanks|thank you)(?: so much| again)? for (?:your|the) (?:quick |fast |speedy |detailed |kind )?(?:reply|response|note|email|message|answer|question|questions|time (?:on|today|yesterday|this)|call|feedback|getting back|update|intro|introduction)|thanks for getting back|as (?:promised|discussed|agreed|requested|mentioned on (?:our|the) call)\b|per (?:your|our) (?:request|conversation|call|discussion)\b|you asked (?:about|for|whether|if|me)\b|(?:to answer|answering) your question|(?:great|good) question\b|(?:great|good|nice|lovely) (?:to (?:speak|talk|meet|chat|catch up|see)|speaking|talking|meeting|chatting)\b(?! (?:with )?you (?:at|during) (?:the|a|an|our|your|this|last)\b[^.!?\n]{0,40}?\b(?:conference|event|show|expo|booth|stand|summit|fair|meetup|tradeshow|mixer|networking|congress|convention))|as (?:you|your \w+(?: \w+)?) (?:asked|requested)\b|moving (?:you|\w+) (?:to|into) bcc\b|following (?:up on )?(?:our|today['’]s|yesterday['’]s|this morning['’]s|last week['’]s|friday['’]s|monday['’]s|the) (?:call|meeting|conversation|chat|demo|discussion|workshop|session)\b|(?:sounds good|works for me|see you (?:then|on|tomorrow|next))\b|(?:re|regarding|to|on) your (?:question|questions|request|note)\b|(?:short|quick) answer\b|happy to (?:answer|help|clarify)\b|danke für ihre|merci pour votre|gracias por su|thanks for (?:finally |)(?:getting back|asking|checking|confirming|sending|the intro|letting me know)|here (?:is|are) the \w+(?: \w+){0,3} (?:you asked for|we discussed|I promised)\b)/i;

/** Nudging on our own unanswered mail, or on a silence of weeks or months. */
const SILENCE_SIGNALS = new KeyedPattern(
  /\b(?:just (?:checking|following|touching|circling|bumping|wanted to (?:check|follow|touch|circle))|circling back|touching base|bumping this|following up on my (?:last|previous|earlier)|any updates?\b[^.!?\n]{0,60}\?|did you (?:get|have) a chance|haven['’]t heard (?:back|from you)|it['’]s been (?:a while|a (?:few|couple of) (?:weeks|months)|some time|\d+ (?:weeks|months))|in case (?:it|this|my (?:email|note)) (?:got|was) (?:buried|lost)|reaching out again|(?:my|this) (?:last|final) (?:note|email|message|attempt))/gi,
  ['just', 'circling', 'touching', 'bumping', 'following', 'update', 'updates', 'did', 'heard', 'been', 'case', 'reaching', 'last', 'final'],
);

/** The writer's own text cut into words once, for every phrase list and keyed pattern that scans it. */
export function ownWords(d: Draft): TextIndex {
  let index = d.memo[OWN_WORDS] as TextIndex | undefined;
  if (!index) d.memo[OWN_WORDS] = index = new TextIndex(d.own);
  return index;
}

const MEMO_NAMES: string[] = [];
/**
 * The memo slot of a detector several rules share, taken once when its module loads: a
 * draft's memo is an array read by number (a map per draft, with a string hashed at every
 * look-up, cost more than some of the detectors it saved).
 */
export function memoSlot(name: string): number {
  const known = MEMO_NAMES.indexOf(name);
  if (known !== -1) return known;
  MEMO_NAMES.push(name);
  return MEMO_NAMES.length - 1;
}
const OWN_WORDS = memoSlot('words:own');

/**
 * A live exchange or a follow-up on silence? The recipient's own message quoted below,
 * "thanks for your note", "as promised" point to live; nudges on our own unanswered
 * mail point to silence. When nothing says, it is a follow-up on silence: the case the
 * rules are strictest about.
 */
function detectExchange(d: Draft): Exchange {
  const recipients = new Set(d.recipients);
  let live = 0;
  if (d.quotedAuthors.some((a) => recipients.has(a))) live += 2;
  if (LIVE_SIGNALS.test(d.own)) live += 2;
  // An answer opens the message: "Yes, the licence covers…", "Done.", "Short answer:".
  const opening = d.sentences.slice(0, 3).map((s) => d.own.slice(s.start, s.end).trim());
  if (opening.some((t) => /^(?:yes|no|yep|nope|done|sorted|absolutely|sure|correct|confirmed|good question|great question)\b[\s,.:!—–-]/i.test(t))) live += 2;
  // Replying to the person greeted, whose message is quoted below.
  const greeted = /^(?:hi|hello|hey|dear|hallo|hola|bonjour)\s+(?:(?:mr|mrs|ms|dr|frau|herr)\.?\s+)?([\p{L}'’-]{2,})/iu.exec(opening[0] ?? '');
  if (greeted && d.quotedHeaders.some((h) => h.toLowerCase().includes(greeted[1]!.toLowerCase()))) live += 2;
  // Up to three nudges count: the scan stops at the third (no signal matches the empty string).
  let nudges = 0;
  if (SILENCE_SIGNALS.mayMatch(ownWords(d))) {
    const re = SILENCE_SIGNALS.re;
    re.lastIndex = 0;
    while (nudges < 3 && re.exec(d.own)) nudges++;
  }
  const silence = 2 * nudges;
  return live > silence ? 'live' : 'silence';
}

/**
 * The kind of each character (own, quoted, signature) while a draft is made. No draft keeps
 * it, so one array is reused from draft to draft: allocating a fresh one per draft cost more
 * than filling it. (Its contents are rewritten every time; nothing carries over.)
 */
let kindsScratch = new Uint8Array(16 * 1024);
const KINDS_SCRATCH_MAX = 1024 * 1024;

/** A zeroed array of `length` kinds (all OWN). */
function scratchKinds(length: number): Uint8Array {
  if (length > kindsScratch.length) {
    if (length > KINDS_SCRATCH_MAX) return new Uint8Array(length);
    kindsScratch = new Uint8Array(Math.max(length, 2 * kindsScratch.length));
  }
  const kinds = kindsScratch.subarray(0, length);
  kinds.fill(OWN);
  return kinds;
}

export function makeDraft(input: DraftInput): Draft {
  const raw = typeof input.body === 'string' ? input.body : '';
  const isHtml = input.html ?? looksLikeHtml(raw);
  let text: string;
  let kinds: Uint8Array;
  let links: Link[] = [];
  if (isHtml) {
    const visible = visibleText(raw);
    text = visible.text;
    kinds = scratchKinds(text.length);
    fillKinds(kinds, visible.kindRuns);
    links = visible.links;
  } else {
    text = raw;
    kinds = scratchKinds(text.length);
  }
  const textLines = lines(text); // (read twice below: quote headers in HTML, then quotes and signatures)
  const quotedAuthors = new Set<string>();
  const quotedHeaders: string[] = [];
  // Quote headers inside HTML quote blocks (Gmail's gmail_attr, Outlook's From: block).
  if (isHtml) {
    for (const l of textLines) {
      if (kinds[l.start] !== QUOTE || l.text.length > 400) continue;
      if (!QUOTE_HEADER.test(l.text) && !FROM_LINE.test(l.text)) continue;
      if (l.text.includes('@')) for (const m of l.text.matchAll(EMAIL)) quotedAuthors.add(m[0].toLowerCase());
      quotedHeaders.push(l.text);
      if (quotedHeaders.length > 20) break;
    }
  }
  markPlainText(text, textLines, kinds, quotedAuthors, quotedHeaders);
  // The writer's words end where the quoted history below them begins: `own` stops there, so
  // every rule scans only what the writer wrote (offsets are unchanged; they count from 0).
  const hasQuote = kinds.includes(QUOTE);
  // (past the writer's last character all is blanked, and trimmed off: not blanked at all here)
  const ownEnd = kinds.lastIndexOf(OWN) + 1;
  const blanked = hasQuote || kinds.includes(SIGNATURE) ? blank(text.slice(0, ownEnd), kinds.subarray(0, ownEnd), OWN) : text;
  const own = blanked.trimEnd();
  const quoted = hasQuote ? blank(text, kinds, QUOTE) : '';
  const firstOwn = own.search(/\S/);
  const body: Span = firstOwn === -1 ? { start: 0, end: 0 } : { start: firstOwn, end: own.length };
  const { sentences, words: wordCount } = splitSentences(own, body);
  const recipients = (input.to ?? []).map((r) => r.trim().toLowerCase()).filter(Boolean);
  let terms: string[] | undefined;
  const draft: Draft = {
    input,
    text,
    own,
    quoted,
    body,
    sentences,
    wordCount,
    links: links.filter((l) => kinds[l.start] === OWN),
    // Worked out when a rule first asks (most drafts show research before it comes to names).
    get companyTerms() {
      return (terms ??= companyTerms(input.context?.company, recipients.map(domainOf).filter((d): d is string => !!d && !isFreeMailDomain(d))));
    },
    quotedAuthors: [...quotedAuthors],
    quotedHeaders,
    recipients,
    memo: [],
    exchange: 'silence',
    exchangeGiven: false,
  };
  // Who spoke last on the deal, when the caller knows it, says which kind of follow-up this is.
  const last = input.context?.lastTouches?.at(-1);
  const given = input.context?.exchange ?? (last ? (last.direction === 'in' ? 'live' : 'silence') : undefined);
  draft.exchange = given ?? detectExchange(draft);
  draft.exchangeGiven = given !== undefined;
  return draft;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceIndexAt(d: Draft, offset: number): number {
  let lo = 0;
  let hi = d.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = d.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether the sentence's last character that is not whitespace is a question mark. */
export function endsInQuestion(text: string, s: Span): boolean {
  for (let i = s.end - 1; i >= s.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 63) return true;
    if (!isSpace(c)) return false;
  }
  return false;
}

/** The sentence containing `offset`, or an empty span there. */
export function sentenceAt(d: Draft, offset: number): Span {
  const i = sentenceIndexAt(d, offset);
  return i === -1 ? { start: offset, end: offset } : d.sentences[i]!;
}

export { OWN, QUOTE, SIGNATURE };
export type { TextKind };
