// The project's conventions, enforced: one file per rule naming its seed passage,
// phrase lists that compile to linear-time patterns, pure rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PHRASE_LISTS, phraseSource, RULE_IDS, RULE_INFO, RULES } from '../src/index.ts';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const ruleDir = join(src, 'rules/rules');
const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

describe('rules', () => {
  const files = readdirSync(ruleDir).filter((f) => f.endsWith('.ts'));

  it('has one file per rule id, named after it', () => {
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('runs every rule, in the RULEBOOK order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it.each(files)('%s names its seed passage, and the seed exists', (file) => {
    const text = readFileSync(join(ruleDir, file), 'utf8');
    const cited = [...text.matchAll(/@seed (\d{3})/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(0);
    const seedFiles = (() => {
      try {
        return readdirSync(seeds);
      } catch {
        return null; // shared/ not beside this checkout: the id format is still checked
      }
    })();
    for (const id of cited) {
      expect(id).toMatch(/^00[0-4]$/);
      if (seedFiles) expect(seedFiles.some((f) => f.startsWith(`${id}_`))).toBe(true);
    }
    const id = file.replace(/\.ts$/, '') as (typeof RULE_IDS)[number];
    expect(RULE_INFO[id].seed.length).toBeGreaterThan(0);
    expect(RULE_INFO[id].why.length).toBeGreaterThan(0);
  });

  it('lets only the background open the store (it is the only writer)', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk(src)) {
      if (file.includes('/src/background/') || file.includes('/src/store/')) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"][./]*(?:\.\.\/)*store\/db(?:\.ts)?['"]/);
    }
  });

  it('keeps browser APIs out of src/rules (pure: runs in Node and the extension)', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk(join(src, 'rules'))) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, file).not.toMatch(/\b(?:chrome|browser|window|document|localStorage|indexedDB)\.\w/);
      expect(text, file).not.toMatch(/from ['"](?:webextension-polyfill|preact)/);
    }
  });
});

/** True when a group holding an unbounded quantifier is itself repeated without bound: the shape of catastrophic backtracking. */
function nestedUnbounded(source: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const hadUnbounded = stack.pop() ?? false;
      const next = source.slice(i + 1, i + 8);
      const repeatedUnbounded = /^(?:[+*]|\{\d+,\})/.test(next);
      if (hadUnbounded && repeatedUnbounded) return true;
      if (stack.length && (hadUnbounded || repeatedUnbounded)) stack[stack.length - 1] = true;
    } else if ((c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) && stack.length) stack[stack.length - 1] = true;
  }
  return false;
}

describe('phrase lists', () => {
  it('detects the dangerous shape it guards against', () => {
    expect(nestedUnbounded('(a+)+')).toBe(true);
    expect(nestedUnbounded('(?:\\s+\\w+)*x')).toBe(true);
    expect(nestedUnbounded('(?:\\s+[^\\s.!?]+){0,3}')).toBe(false);
    expect(nestedUnbounded('just\\s+checking')).toBe(false);
  });

  it.each(Object.keys(PHRASE_LISTS))('%s compiles to patterns with no nested unbounded repetition', (name) => {
    for (const p of PHRASE_LISTS[name as keyof typeof PHRASE_LISTS]) {
      const say = typeof p === 'string' ? p : p.say;
      const source = phraseSource(say);
      expect(() => new RegExp(source, 'iu'), say).not.toThrow();
      expect(nestedUnbounded(source), say).toBe(false);
    }
  });

  it('takes any phrase a user types safely, literally where it is not valid syntax', () => {
    for (const typed of ['(unbalanced', 'a+b*c?', '[x]', 'a||b', '\\d+', '((a))', ')(']) {
      const source = phraseSource(typed);
      expect(() => new RegExp(source, 'iu')).not.toThrow();
      expect(nestedUnbounded(source)).toBe(false);
    }
  });
});

describe('phrase first words (the scan index)', () => {
  it('finds every word a phrase can start with', async () => {
    const { firstWords } = await import('../src/rules/match.ts');
    expect([...firstWords('(just|) checking in')!].sort()).toEqual(['checking', 'just']);
    expect([...firstWords("(I've|I have|I) reached out")!]).toEqual(['i']);
    expect([...firstWords('congrat(s|ulations) (on|to)')!].sort()).toEqual(['congrats', 'congratulations']);
    expect([...firstWords('check-in')!].sort()).toEqual(['check', 'checkin']);
    expect(firstWords('# times')).toBeNull();
    expect(firstWords('“no” is fine')).toBeNull();
  });
});
