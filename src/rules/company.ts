/**
 * Who the prospect is, from what the draft already tells us: the company named in
 * the context and the recipients' email domains. Free-mail domains (gmail.com and
 * thousands more, from the `free-email-domains` package) say nothing about the
 * company, so they are never taken as one.
 */
import freeEmailDomains from 'free-email-domains';

let freeMail: Set<string> | undefined;

export function isFreeMailDomain(domain: string): boolean {
  freeMail ??= new Set(freeEmailDomains);
  return freeMail.has(domain.toLowerCase());
}

export function domainOf(address: string): string | undefined {
  const m = /@([^@\s>]+)$/.exec(address.trim().replace(/>$/, ''));
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : undefined;
}

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gv', 'ltd', 'plc']);

/** The name-bearing label of a domain: "mail.northwind-freight.co.uk" gives "northwind-freight". */
export function domainLabel(domain: string): string | undefined {
  const parts = domain.toLowerCase().split('.').filter(Boolean);
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1]!;
  const second = parts[parts.length - 2]!;
  if (parts.length >= 3 && last.length === 2 && SECOND_LEVEL.has(second)) return parts[parts.length - 3];
  return second;
}

/** Legal forms that follow a company's name ("Acme, Inc.", "Haas GmbH"), lowercase, without a final dot. */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'l.l.c', 'ltd', 'limited', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'oy', 'ab', 'as',
  'aps', 'spa', 'srl', 'pty', 'pte', 'corp', 'corporation', 'co', 'company', 'group', 'holdings', 'kk', 'lp', 'llp',
]);
const COMMA_OR_SPACE = /[,\s]/;

/** `name` (lowercase) without the legal forms at its end: "acme, inc." and "acme ltd" are "acme". */
function withoutLegalForms(name: string): string {
  let n = name;
  for (;;) {
    // The last word (after commas and whitespace), less one final dot, must be a legal form
    // standing after at least one comma or space.
    const end = n.endsWith('.') ? n.length - 1 : n.length;
    let start = end;
    while (start > 0 && !COMMA_OR_SPACE.test(n[start - 1]!)) start--;
    if (start === 0 || !LEGAL_FORMS.has(n.slice(start, end))) return n;
    while (start > 0 && COMMA_OR_SPACE.test(n[start - 1]!)) start--;
    n = n.slice(0, start);
  }
}

/** First words too common to stand for a company on their own. */
const TOO_COMMON = new Set([
  'the', 'a', 'an', 'global', 'united', 'first', 'general', 'american', 'national', 'international', 'group', 'digital',
  'smart', 'data', 'health', 'tech', 'new', 'north', 'south', 'east', 'west', 'best', 'great', 'big', 'blue', 'green',
  'red', 'one', 'pro', 'team', 'my', 'our', 'your', 'home', 'city', 'life', 'open', 'next', 'true', 'real', 'world',
  'mail', 'info', 'sales', 'hello', 'contact', 'support', 'service', 'services', 'solutions', 'systems', 'partners',
]);

function variants(name: string): string[] {
  let n = name.trim().toLowerCase();
  if (n.endsWith("'s") || n.endsWith('’s')) n = n.slice(0, -2);
  n = withoutLegalForms(n);
  const words = n.split(/[\s\-_&+.]+/).filter(Boolean);
  if (!words.length) return [];
  const out = new Set<string>();
  out.add(words.join(' '));
  if (words.length > 1) out.add(words.join(''));
  const first = words[0]!;
  if (words.length > 1 && first.length >= 4 && !TOO_COMMON.has(first)) out.add(first);
  return [...out].filter((t) => t.length >= 3 && !TOO_COMMON.has(t));
}

/** Lowercased ways the prospect's company may appear in the draft, longest first. */
export function companyTerms(company: string | undefined, domains: string[]): string[] {
  const out = new Set<string>();
  if (company) for (const v of variants(company)) out.add(v);
  for (const d of domains) {
    const label = domainLabel(d);
    if (label) for (const v of variants(label)) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
