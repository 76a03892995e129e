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
import { PhraseList, wordTable } from '../match.ts';
import { closingPoint, finding, memo, ownWords, type Rule } from '../rule.ts';

const RESEARCH = new PhraseList([
  'you (mentioned|said|told me|told us|noted|shared|flagged|raised|asked|wrote|described|explained|highlighted|pointed out|brought up|called out|were saying)',
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
const PLACES = ['site', 'sites', 'street', 'road', 'avenue', 'lane', 'drive', 'square', 'park', 'estate', 'academy', 'school', 'college', 'university', 'hospital', 'practice', 'surgery', 'farm', 'hotel', 'restaurant', 'studio', 'centre', 'center', 'port', 'meetup', 'conference', 'summit', 'expo', 'forum', 'breakfast', 'dinner', 'show', 'fair', 'event', 'webinar', 'workshop', 'rebrand', 'relaunch', 'plant', 'office', 'offices', 'project', 'campus', 'store', 'stores', 'warehouse', 'facility', 'hub', 'depot', 'clinic', 'branch', 'line', 'rollout', 'launch', 'tender', 'terminal', 'terminals', 'build', 'scheme', 'development', 'programme', 'program', 'mill', 'mills', 'factory', 'yard', 'location', 'venue', 'survey', 'expansion', 'renewal', 'season', 'refurb', 'refurbishment', 'fit-out', 'opening', 'migration', 'upgrade'];
const NAMED_PLACE = new RegExp(
  `\\b(?:the|your|their|its|at|in|for|on|near|[A-Z][A-Za-z\\u00C0-\\u024F'’]+['’]s)\\s+(?:new\\s+|upcoming\\s+|planned\\s+)?(?:[A-Z][A-Za-z\\u00C0-\\u024F'’.-]+\\s+){1,3}(?:${PLACES.join('|')})\\b`,
  'g',
);
/**
 * A NAMED_PLACE match ends in a place word standing alone after a space, so the draft's
 * word index holds it (its first part, for "fit-out"): without one, no scan is needed.
 */
const PLACE_WORDS = wordTable([...new Set(PLACES.map((p) => p.split('-')[0]!))]);

function mayNamePlace(d: Draft): boolean {
  if (!PLACE_WORDS) return true;
  const index = ownWords(d);
  index.know(PLACE_WORDS.length - 1);
  const { ids, count } = index;
  for (let t = 0; t < count; t++) {
    const id = ids[t]!;
    if (id >= 0 && id < PLACE_WORDS.length && PLACE_WORDS[id] !== 0) return true;
  }
  return false;
}

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

/** Whether the draft shows it knows who it is talking to (stops at the first sign). */
export function showsResearch(d: Draft): boolean {
  return memo(d, 'research', () => {
    if (RESEARCH.find(ownWords(d), 1).length) return true;
    NAMED_PLACE.lastIndex = 0;
    if (mayNamePlace(d) && NAMED_PLACE.test(d.own)) return true;
    return d.companyTerms.length > 0 && companyNames(d.companyTerms).find(ownWords(d), 1).length > 0;
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
