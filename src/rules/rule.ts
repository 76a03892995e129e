/** What every rule file exports, and helpers they share. */
import type { RuleInfo } from './catalog.ts';
import { memoSlot, ownWords, type Draft, type Span } from './draft.ts';
import { PhraseList, type Phrase, type PhraseMatch } from './match.ts';
import { PHRASE_LISTS } from './phrases.ts';
import type { Finding, PhraseListName, RuleId, ScoreOptions, Severity } from './types.ts';

export interface Rule extends RuleInfo {
  check(ctx: RuleContext): Finding[];
}

export interface RuleContext {
  draft: Draft;
  lists: Record<PhraseListName, PhraseList>;
  options: Required<Pick<ScoreOptions, 'maxFindingsPerRule'>> & { maxWords: { silence: number; live: number } };
}

const builtInCache = new Map<string, Record<PhraseListName, PhraseList>>();
let builtInOnly: Record<PhraseListName, PhraseList> | undefined;
const LIST_NAMES = Object.keys(PHRASE_LISTS) as PhraseListName[];

/** Compiled phrase lists (built-ins plus the user's extras), cached per distinct set of extras. */
export function compileLists(extra: ScoreOptions['extraPhrases'] = {}): Record<PhraseListName, PhraseList> {
  // No extras (the usual case): the built-in lists, compiled once.
  if (LIST_NAMES.some((name) => extra[name] !== undefined)) return compileWith(extra);
  return (builtInOnly ??= compileWith({}));
}

function compileWith(extra: NonNullable<ScoreOptions['extraPhrases']>): Record<PhraseListName, PhraseList> {
  const key = JSON.stringify(extra);
  const cached = builtInCache.get(key);
  if (cached) return cached;
  const lists = {} as Record<PhraseListName, PhraseList>;
  for (const name of Object.keys(PHRASE_LISTS) as PhraseListName[]) {
    const more: Phrase[] = (extra[name] ?? []).filter((p): p is string => typeof p === 'string' && p.trim().length > 0 && p.length <= 200);
    lists[name] = new PhraseList([...PHRASE_LISTS[name], ...more]);
  }
  if (builtInCache.size > 16) builtInCache.clear();
  builtInCache.set(key, lists);
  return lists;
}

/** Memoises a detector's result on the draft (in its `memoSlot`), so rules that share it run it once. */
export function memo<T>(d: Draft, slot: number, compute: () => T): T {
  const known = d.memo[slot];
  if (known !== undefined) return known as T;
  const v = compute();
  d.memo[slot] = v;
  return v;
}

export { memoSlot, ownWords };

/** Memo keys of the lists' matches (made once, not per call). */
const LIST_KEYS = Object.fromEntries(Object.keys(PHRASE_LISTS).map((name) => [name, memoSlot(`list:${name}`)])) as Record<PhraseListName, number>;

/** Runs a compiled phrase list over the writer's own words, once per draft. */
export function matches(ctx: RuleContext, list: PhraseListName): PhraseMatch[] {
  return memo(ctx.draft, LIST_KEYS[list], () => ctx.lists[list].find(ownWords(ctx.draft), 2000));
}

/** Quote the matched words back to the writer, tidied and shortened. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? t.slice(0, max - 1) + '…' : t}”`;
}

export function finding(
  rule: RuleId,
  severity: Severity,
  span: Span,
  message: string,
  suggestion?: string,
): Finding {
  const f: Finding = { rule, severity, message, start: span.start, end: span.end };
  if (suggestion) f.suggestion = suggestion;
  return f;
}

/**
 * Where something missing belongs: just after the last sentence of the message
 * proper, before the sign-off. A zero-width span, since there is nothing to underline.
 */
const CLOSING_POINT = memoSlot('closing-point');

export function closingPoint(d: Draft): Span {
  // (several rules point there: worked out once per draft; `finding` copies the offsets)
  return memo(d, CLOSING_POINT, () => {
    for (let i = d.sentences.length - 1; i >= 0; i--) {
      const s = d.sentences[i]!;
      const t = d.own.slice(s.start, s.end).trim();
      if (i > 0 && (CLOSERS.test(t) || t.split(/\s+/).length <= 2 && i === d.sentences.length - 1)) continue;
      return { start: s.end, end: s.end };
    }
    return { start: d.body.end, end: d.body.end };
  });
}

const CLOSERS = /^(?:best|kind|warm|many|all the best|regards|sincerely|yours|cheers|thanks|thank you|thx|talk soon|speak soon|take care|respectfully|cordially|warmly)\b[^.!?\n]{0,40}$/i;

/** Matches of a regular expression in the writer's own text (must have the `g` flag). */
export function regexSpans(text: string, re: RegExp, limit = 2000): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
