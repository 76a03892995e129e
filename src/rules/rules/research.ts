/**
 * research: evidence the seller looked the prospect up: their company, industry,
 * role, clients, a recent event, a need they stated. Not a generic pitch.
 *
 * @seed 001 "Research": "You can tell when someone is dialing for dollars: e.g. the
 *   sales person didn't look up my company, doesn't know what I do, and then pitches a
 *   service that is not a good fit for my business."
 * @seed 001 "Be Relevant & Timely"; "Persistence Pays Off": "If they however look at my
 *   client list and tell me that they are experts in the logistics or technology field
 *   (an industry that I target), they might get my attention."
 */
import type { Draft } from '../draft.ts';
import { RULE_INFO } from '../catalog.ts';
import { KeyedPattern, PhraseList } from '../match.ts';
import { closingPoint, finding, memo, memoSlot, ownWords, type Rule } from '../rule.ts';
import { domainLabel, isFreeMailDomain } from '../company.ts';

const SHOWS_RESEARCH = memoSlot('research');

const RESEARCH = new PhraseList([
  'you (mentioned|said|told me|told us|noted|shared|flagged|raised|asked|wrote|described|explained|highlighted|pointed out|brought up|called out|were saying)',
  // A conversation about something of theirs: "following our conversation about the Ikeja outpatient wing".
  '(following|after|since|from|further to) our (conversation|call|chat|meeting|discussion|talk|walkthrough|walk-through|visit) (about|on|regarding|around|at)',
  '(as|like) you (said|mentioned|noted|put it|described)',
  "(you're|you are|your team is|your team's|you've been|you have been) (hiring|expanding|opening|launching|moving|migrating|rolling out|growing|planning|evaluating|consolidating|switching|replacing|scaling|building|preparing)",
  '(I|we) (saw|noticed|read|heard|watched|listened to|caught|spotted|followed) ',
  'congrat(s|ulations) (on|to)',
  'in your (industry|space|sector|market|role|position|region|line of work|field)',
  '(as|for) (a|the) (head|vp|director|manager|lead|chief|founder|owner|partner|principal) (of|at)',
  'your (recent|latest|new|upcoming|planned|ongoing) ',
  'your (post|article|talk|podcast|interview|webinar|keynote|announcement|press release|funding|round|raise|series a|series b|series c|acquisition|merger|expansion|launch|rollout|migration|pilot|rfp|tender|renewal|board meeting|offsite|hiring|job posting|new role|promotion|annual report|earnings|q1|q2|q3|q4|peak season|busy season|audit|inspection|go-live|cutover|deadline|goal|goals|priority|priorities|question|concern|concerns|plan|plans|roadmap|initiative|project|warehouse|warehouses|fleet|stores|clinics|plants|sites|branches|drivers|reps|patients|students|members|clients|customers|stack|workflow|process|rollout|team in|team at|ops team|finance team|it team|sales team|engineering team|cfo|ceo|cto|coo|vp)',
  'your * (mentioned|said|told me|told us|flagged|raised|noted|asked|explained)',
  // Someone told us about them, or we read their own words: "Anita mentioned you've been off".
  "(mentioned|told me|said|let me know) (that|) (you|you've|you're|you'd|your)",
  { say: '(saw|noticed|read|spotted|caught|enjoyed|loved|liked|listened to|watched) (your|the|that|you|about)', unlessBefore: /\b(?:you|they|he|she|we|never|didn['’]t|not)\s+$/i },
  'your # (properties|sites|stores|locations|clinics|vans|trucks|drivers|employees|staff|branches|schools|offices|warehouses|plants|restaurants|hotels|units|beds|practices|reps|agents|users|seats|customers|patients|lines|machines|chairs|rooms|members|students|tenants|homes|buildings|farms|acres)',
  "(your|the) (department's|team's|company's|school's|firm's|office's|agency's|practice's|clinic's|hospital's|group's|organisation's|organization's|board's|ceo's|cfo's) (post|article|announcement|blog|newsletter|website|job ad|plan|pilot|report|launch|rollout|statement|update|decision)",
  'your (home|house|property|flat|apartment|building|farm|land|premises|unit|shop|storefront)',
  'your (blog|website|newsletter|linkedin|profile|job ad|careers page|press page|case study|customers page|pricing page|podcast episode|keynote|panel|conference talk)',
  'your (worry|worries|objection|objections|hesitation|blocker|bottleneck|pain point|sticking point|requirements|criteria|shortlist|evaluation|trial|sandbox|pilot)',
  'your (finance|ops|operations|it|procurement|engineering|product|site|plant|fleet|warehouse|store|clinic|practice|data|security|payroll|hr|legal|compliance|facilities|maintenance|production|logistics|supply chain|customer success|support|accounts payable|ap|ar) (lead|manager|director|head|team|folks|people|group|department|function)',
]);

/**
 * Their named place or project: "the Pilbara site", "the Porto plant", "Bean There's new
 * Fitzroy site". A proper name tied to a facility or a project is a detail only research finds.
 */
const PLACES = ['site', 'sites', 'wing', 'street', 'road', 'avenue', 'lane', 'drive', 'square', 'park', 'estate', 'academy', 'school', 'college', 'university', 'hospital', 'practice', 'surgery', 'farm', 'hotel', 'restaurant', 'studio', 'centre', 'center', 'port', 'meetup', 'conference', 'summit', 'expo', 'forum', 'breakfast', 'dinner', 'show', 'fair', 'event', 'webinar', 'workshop', 'rebrand', 'relaunch', 'plant', 'office', 'offices', 'project', 'campus', 'store', 'stores', 'warehouse', 'facility', 'hub', 'depot', 'clinic', 'branch', 'line', 'rollout', 'launch', 'tender', 'terminal', 'terminals', 'build', 'scheme', 'development', 'programme', 'program', 'mill', 'mills', 'factory', 'yard', 'location', 'venue', 'survey', 'expansion', 'renewal', 'season', 'refurb', 'refurbishment', 'fit-out', 'opening', 'migration', 'upgrade'];
/** A match ends in a place word standing alone after a space (its first part, for "fit-out"): those are its keys. */
const NAMED_PLACE = new KeyedPattern(
  new RegExp(
    `\\b(?:the|your|their|its|at|in|for|on|near|[A-Z][A-Za-z\\u00C0-\\u024F'’]+['’]s)\\s+(?:new\\s+|upcoming\\s+|planned\\s+)?(?:[A-Z][A-Za-z\\u00C0-\\u024F'’.-]+\\s+){1,3}(?:${PLACES.join('|')})\\b`,
    'g',
  ),
  [...new Set(PLACES.map((p) => p.split('-')[0]!))],
);

const PERSON_BEFORE = /\b(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|sir|madam|dear|hi|hello|hey|morning|afternoon)\.?\s+$/i;

const nameLists = new Map<string, PhraseList>();

/** The prospect's company names as a phrase list, compiled once per company (a rep writes to the same few all day). */
function companyNames(terms: string[]): PhraseList {
  const key = terms.join('|');
  let list = nameLists.get(key);
  if (!list) {
    // "Dear Mr. Haas" is the person, not Haas Maschinenbau.
    list = new PhraseList(terms.map((t) => ({ say: t.replace(/[()*#|]/g, ' '), unlessBefore: PERSON_BEFORE })));
    if (nameLists.size >= 2048) nameLists.delete(nameLists.keys().next().value!);
    nameLists.set(key, list);
  }
  return list;
}

/**
 * News about a named company: "saw Tran Produce picked up the Costco DC in Tracy". A capitalised
 * name (not a day, a month or a pronoun) doing something, right after "saw" or "noticed".
 */
const NAMED_NEWS = new KeyedPattern(
  /\b(?:[Ss]aw|[Nn]oticed|[Ss]potted|[Hh]eard|[Rr]ead)\s+(?:that\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|It|This|That|The|There|You|Your|We|Our|My|I|He|She|They)\b)[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}\s+(?:just\s+|recently\s+|has\s+|have\s+)?(?:picked up|opened|launched|hired|announced|won|moved|raised|expanded|acquired|signed|added|closed|released|published|merged|partnered|broke ground|went live)\b/,
  ['saw', 'noticed', 'spotted', 'heard', 'read'],
);

const CAPITALISED = /\b[A-Z][a-z\u00C0-\u024F]+(?:[ \t]+[A-Z][a-z\u00C0-\u024F]+){0,2}/g;

/**
 * Their company as the draft writes it and their domain runs it together: "Tran Produce" for
 * tranproduce.com, "Bellwether" for bellwetherbrewing.com (a name of five letters or more that
 * opens the domain). Not the recipient's own name ("Hi Morgan" to morganlewis.com), nor a
 * name after a greeting or a title.
 */
function namesDomain(d: Draft, text: string): boolean {
  const labels: string[] = [];
  const people = new Set<string>();
  for (const r of d.recipients) {
    const at = r.lastIndexOf('@');
    if (at <= 0) continue;
    for (const part of r.slice(0, at).split(/[._+-]+/)) if (part) people.add(part);
    const domain = r.slice(at + 1);
    if (isFreeMailDomain(domain)) continue;
    const label = domainLabel(domain);
    if (label && label.length >= 5 && /^[a-z]+$/.test(label)) labels.push(label);
  }
  if (!labels.length) return false;
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    // A name that counts is ASCII and opens a label, so its first word does: most capitalised words don't.
    const run = m[0];
    const space = run.search(/[ \t]/);
    const first = (space === -1 ? run : run.slice(0, space)).toLowerCase();
    if (!labels.some((label) => label.startsWith(first))) continue;
    const words = run.split(/[ \t]+/).map((w) => w.toLowerCase());
    if (PERSON_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // Each run of one to three words from the first: "Tran Produce" whole, "Bellwether" alone.
    for (let n = words.length; n >= 1; n--) {
      const joined = words.slice(0, n).join('');
      if (n === 1 && (people.has(joined) || joined.length < 5)) continue;
      if (labels.some((label) => label === joined || (n === 1 && label.startsWith(joined)))) return true;
    }
  }
  return false;
}

/** Whether the draft shows it knows who it is talking to (stops at the first sign). */
export function showsResearch(d: Draft): boolean {
  return memo(d, SHOWS_RESEARCH, () => {
    if (RESEARCH.find(ownWords(d), 1).length) return true;
    if (NAMED_PLACE.test(ownWords(d))) return true;
    if (d.companyTerms.length > 0 && companyNames(d.companyTerms).find(ownWords(d), 1).length > 0) return true;
    if (NAMED_NEWS.test(ownWords(d)) || namesDomain(d, d.own)) return true;
    // A subject that names their company or their site was written for them too ("Brightwater renewal").
    // (not a reply's subject: whoever opened the thread wrote that)
    const subject = (d.input.subject ?? '').slice(0, 300);
    if (!subject.trim() || /^\s*(?:re|fw|fwd|aw|wg|tr|sv)\s*:/i.test(subject)) return false;
    NAMED_PLACE.re.lastIndex = 0;
    if (NAMED_PLACE.re.test(subject) || namesDomain(d, subject)) return true;
    return d.companyTerms.length > 0 && companyNames(d.companyTerms).find(subject, 1).length > 0;
  });
}

export const research: Rule = {
  ...RULE_INFO['research'],
  check({ draft }) {
    if (draft.body.end === 0 || showsResearch(draft)) return [];
    const live = draft.exchange === 'live';
    return [
      finding(
        'research',
        live ? 'info' : 'warning',
        closingPoint(draft),
        live
          ? 'Tie this to their situation where you can: their goals, their words.'
          : 'Nothing here shows you know their business; it reads like it could go to anyone.',
        'Mention something specific to them: their company, a recent event, or a need they told you about (“you mentioned…”).',
      ),
    ];
  },
};
