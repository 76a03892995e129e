/**
 * generic: mass-mail marks: unfilled merge fields ({{first_name}}, [Company]),
 * "Dear Sir/Madam", "To whom it may concern".
 *
 * @seed 001 (technology lacks the human touch): "Well scripted and written e-mails go a
 *   long way", but prospects "get upset when you are irrelevant, when you don't know
 *   their business"; "Be personal and professional".
 */
import type { Span } from '../draft.ts';
import { RULE_INFO } from '../catalog.ts';
import { finding, matches, quote, regexSpans, type Rule } from '../rule.ts';

/** Words that say a bracketed or braced token is a placeholder, not prose. */
const PLACEHOLDER_WORD = /^(?:first|last|full|given|sur|company|organi[sz]ation|org|account|business|firm|title|job|role|position|name|contact|prospect|recipient|client|customer|lead|city|state|country|industry|vertical|product|competitor|date|day|time|meeting|link|url|website|calendar|calendly|phone|number|email|address|signature|sender|rep|your|their|his|her|insert|pain|point|pain point|benefit|value|personali[sz]ation|custom|snippet|variable|field|merge|placeholder|x|xx|xxx|tbd|tk|blank|fname|lname)\b/i;

/** Merge-field patterns, each with characters one of which any match holds (most drafts have none: no scan). */
const MERGE_FIELDS: Array<[needs: string[], re: RegExp]> = [
  [['{'], /\{\{[^{}\n]{1,60}\}\}/g], // {{first_name}}, {{ contact.firstname }}
  [['{'], /\{%[^%\n]{1,60}%\}/g], // {% if … %}
  [['{'], /(?<![/\w$#])\{[!$]?[A-Za-z_][\w.]{0,40}(?:\|[^{}\n]{0,30})?\}(?!\})/g], // {FirstName}, {!Contact.FirstName}
  [['{'], /\$\{[^{}\n]{1,40}\}/g], // ${name}
  [['{'], /#\{[^{}\n]{1,40}\}/g], // #{name}
  [['|'], /\*\|[A-Z0-9_:]{2,30}\|\*/g], // *|FNAME|*
  [['%'], /%%?[A-Z][A-Z0-9_]{1,30}%%?/g], // %FIRSTNAME%, %%company%%
  [['<', '«'], /<<\s*[A-Za-z_][\w .]{0,30}>>|«\s*[A-Za-z_][\w .]{0,30}»/g], // <<First Name>>, «Company»
  [['['], /\[\[[^[\]\n]{1,40}\]\]/g], // [[company]]
];
const TEMPLATE_TALK = /\b(?:templates?|merge (?:fields?|tags?)|placeholders?|variables?|liquid|handlebars|personali[sz]ation (?:tokens?|tags?)|double-brace|tags? (?:that|which) (?:our|the) system)\b/i;
const BRACKETED = /\[([A-Za-z][A-Za-z _.'’/-]{0,40})\]/g;

function mergeFields(own: string): Span[] {
  const found: Span[] = [];
  for (const [needs, re] of MERGE_FIELDS) if (needs.some((c) => own.includes(c))) found.push(...regexSpans(own, re, 200));
  for (const s of own.includes('[') ? regexSpans(own, BRACKETED, 200) : []) {
    const inner = own.slice(s.start + 1, s.end - 1).trim();
    const tokens = inner.split(/[\s_./-]+/);
    const looksLikeField =
      PLACEHOLDER_WORD.test(inner) ||
      tokens.some((t) => PLACEHOLDER_WORD.test(t) && t.length > 2) ||
      /^[A-Z][A-Z_ ]{2,}$/.test(inner); // [FIRST_NAME]
    if (looksLikeField && !/^(?:sic|attached|attachment|link below|redacted|emphasis added|sic!)$/i.test(inner)) found.push(s);
  }
  // A markdown link "[the report](https://…)" is not a placeholder.
  return found
    .filter((s) => own[s.end] !== '(')
    .sort((a, b) => a.start - b.start)
    .filter((s, i, arr) => i === 0 || s.start >= arr[i - 1]!.end);
}

export const generic: Rule = {
  ...RULE_INFO['generic'],
  check(ctx) {
    const d = ctx.draft;
    const max = ctx.options.maxFindingsPerRule;
    // A draft that is about templates ("the template uses double-brace tags") may quote one:
    // then only a field in its own opening line is a slip.
    const fields = mergeFields(d.own);
    const aboutTemplates = fields.length > 0 && TEMPLATE_TALK.test(d.own);
    const firstLineEnd = d.own.indexOf('\n', d.body.start);
    const out = fields
      .filter((s) => !aboutTemplates || s.start < (firstLineEnd === -1 ? d.own.length : firstLineEnd))
      .slice(0, max)
      .map((s) =>
        finding(
          'generic',
          'error',
          s,
          `${quote(d.text.slice(s.start, s.end))} is an unfilled merge field: it tells them this is a mass mail.`,
          'Fill it in by hand, or remove it, before sending.',
        ),
      );
    for (const m of matches(ctx, 'boilerplateGreetings').slice(0, max)) {
      out.push(
        finding(
          'generic',
          'warning',
          m,
          `${quote(m.text)} is how mass mail opens. Address a person by name.`,
          'Find the right person and greet them by name.',
        ),
      );
    }
    return out;
  },
};
