/**
 * The phrase lists behind the rules, as data. Syntax: see `match.ts`. Users extend
 * these lists from the options page (`ScoreOptions.extraPhrases`); built-ins stay.
 *
 * Guards (`unlessBefore`, `unlessAfter`, `question`) keep look-alikes quiet:
 * "checking in at the hotel", "let's touch base with your team at the offsite",
 * "any update to the schedule will be posted".
 */
import type { Phrase } from './match.ts';
import type { PhraseListName } from './types.ts';

/** What follows a check-in phrase when it is about travel or a future meeting, not this email. */
const TRAVEL_OR_PLAN_AFTER = /^(?:\s+(?:with\s+)?[\w’'-]+){0,5}?\s+(?:at|to|for|into)\s+(?:the|our|your|a|my)\s+(?:hotel|airport|flight|front desk|reception|conference|event|offsite|off-site|summit|venue|booth|kickoff|kick-off|lobby|gate|clinic|hospital|site visit)\b|^\s+(?:at|for|into|online|early|late)\b|^-(?:desk|counter)/i;
/** A future or planned touch base ("let's touch base next week") is a plan, not filler. */
const FUTURE_BEFORE = /(?:\b(?:let['’]s|let us|we|we['’]ll|I['’]ll|will|shall|should|could|can|can we|could we|to)\s+)$/i;
const FUTURE_PLAN_AFTER = /^(?:\s+[\w’'-]+){0,6}?\s+(?:(?:at|during|after|before)\s+(?:the|our|your|next)\b|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+\d))|^(?:\s+[\w’'-]+){0,4}?\s+(?:next\s+(?:week|month|quarter|year|monday|tuesday|wednesday|thursday|friday|time)|tomorrow|later\s+(?:this|today|on)|this\s+(?:afternoon|week))\b/i;

export const CHECKINS: Phrase[] = [
  { say: "(just|wanted to|want to|writing to|thought I'd|thought I would) check in", unlessAfter: TRAVEL_OR_PLAN_AFTER },
  { say: 'just checking in', unlessAfter: TRAVEL_OR_PLAN_AFTER },
  { say: "(I'm|I am|I was) (just|) checking in", unlessAfter: TRAVEL_OR_PLAN_AFTER },
  { say: 'checking in (on|to see|again|about|regarding|re|with you|here|once more|one more time|in case|quickly)', unlessAfter: TRAVEL_OR_PLAN_AFTER },
  { say: '(quick|friendly|gentle|brief) check-in' },
  { say: 'just touching base' },
  { say: "(wanted|want|writing|thought I'd|I'd like) to touch base", unlessAfter: FUTURE_PLAN_AFTER },
  { say: "(I'm|I am) (just|) touching base" },
  { say: 'touching base (again|on|to see|about|regarding|re|here|once more|with you)', unlessAfter: FUTURE_PLAN_AFTER, unlessBefore: FUTURE_BEFORE },
  { say: 'circling back', unlessAfter: /^\s+(?:to|with)\s+(?:the|your)\s+(?:team|group)\s+(?:at|after|next)\b/i },
  { say: "(just|) (wanted to|want to|thought I'd) circle back" },
  { say: 'bump(ing|) (this|this email|this thread|this note|this message|my (last|previous|earlier|) (email|note|message)|it) (up|to the top|back up|again|)' },
  { say: '(gentle|friendly|quick|polite|small|little) (bump|nudge)' },
  { say: 'nudging (this|you)' },
  { say: 'any (update|updates|news|progress|word|movement|feedback)', question: true },
  { say: 'any (thoughts|update|updates) on (this|my|the below|my (last|previous) (email|note|message))' },
  { say: 'where (do|are) (we|things) (stand|at)', question: true },
  { say: 'did you (get|have) (a|the|any) chance' },
  { say: '(have|had) you (had|got|gotten) (a|the|any) chance' },
  { say: 'were you able to (look|review|read|check|go over|go through|take a look)' },
  { say: 'have you (been able to|) (look|looked|review|reviewed|read|checked) (at|over|) (my|the) (previous|last|earlier|) (email|note|message|proposal|deck)', question: true },
  { say: 'following up on my (last|previous|earlier|prior|original|recent|below|) (email|e-mail|note|message|mail|voicemail|voice mail|call|outreach)' },
  { say: 'following up on (this|the below|the email below|the thread below|my email below|the note below|the message below)' },
  { say: '(just|) following up (again|here|once more|one more time)' },
  { say: 'just following up' },
  { say: "(just|) (wanted to|want to|thought I'd|writing to) follow up", unlessAfter: /^\s+(?:on|with)\s+(?:your|the)\s+(?:request|question|ask)\b/i },
  { say: 'following up to (see|check|find out|ask) (if|whether|how|in|on)' },
  { say: "(I'm|I am) (just|) following up", unlessAfter: /^\s+(?:on|with|to)\s+(?:your|the|our)\s+(?:request|question|ask|call|meeting|conversation)\b/i },
  { say: '(just a|a|) (quick|friendly|gentle|polite|short|brief) (follow-up|reminder|nudge|ping)' },
  { say: 'just a reminder' },
  'further to (our|my) (previous|last|earlier|recent) (correspondence|email|e-mail|message|letter|note)',
  "(we are|we're|I am|I'm) (just|) (following up|writing to follow up) (regarding|on|about|with regard to|in relation to) (our|my) (offer|proposal|quote|quotation|email|previous|last|earlier)",
  "(wanted to|just|writing to) (see|check|ask|find out|know) (if|whether) (there's|there is|there are|you have|you've got|you had) (any|an) (update|updates|news|progress|feedback|thoughts|decision)",
  { say: '(wanted to|just) (make sure|ensure|confirm) (you|this|my (email|note|message)) (saw|got|received|didn\'t miss|reached you|landed)' },
  { say: '(in case|just in case) (you missed|it got|this got|my (email|note|message) got|it was|this was) (it|this|buried|lost|missed)' },
  { say: '(bring|bringing|move|moving|float|floating|pop|popping|push|pushing|put|putting) (this|it|my (email|note)) (back|) (up|to the top) (of your inbox|)' },
  { say: '(to the|at the) top of your inbox' },
  { say: 'resurfac(e|ing) (this|my|the)' },
  { say: 'ping(ing|) (you|again|on this|this)', unlessAfter: /^\s+(?:the|a|an)?\s*(?:link|calendar|invite|slack|teams)\b/i },
  { say: '(as per|per) my (last|previous|earlier) (email|e-mail|note|message)' },
  { say: 'checking back (in|on|to see|again|)' },
  { say: 'reaching out (again|once more|one more time|one last time)' },
  { say: "(wanted to|just) see (if|whether) you('ve| have|) (had|got) (any|a|the) (thoughts|chance|update|feedback|time)" },
  { say: 'any thoughts', question: true, unlessAfter: /^\s+on\s+(?:whether|which|how|the\s+(?:two|three|options)|option)\b/i },
  // A bare "Bump" only counts as the whole line ("Bump!", "bump ^").
  { say: '(bump|bumping)', unlessBefore: /[^\s][ \t]*$/, unlessAfter: /^(?![ \t]*[.!^]*[ \t]*(?:\n|$))/ },
];

export const PRESSURE: Phrase[] = [
  '(my|our) quota',
  'hit (my|our) (number|numbers|target|targets|quota)',
  '(make|making) (my|our) (number|numbers|quota)',
  '(before|by|ahead of) (the|) end of (the|this|) (month|quarter|year|fiscal year|fy|q1|q2|q3|q4)',
  { say: 'end of (the|this|) (month|quarter|fiscal year|q1|q2|q3|q4) (is|deadline|pricing|discount|special|push)', unlessBefore: /\byour\s+(?:\w+\s+){0,2}$/i },
  '(month|quarter|year|q1|q2|q3|q4)-end (is|deadline|pricing|discount|special|push)',
  '(coming up on|approaching|nearing|heading into|ahead of) (our|my|the) (fiscal|) (quarter|month|year|q1|q2|q3|q4)-end',
  '(coming up on|approaching|nearing|heading into) (our|my) (fiscal|) (quarter|month|year) (end|close)',
  '(closing out|close out|closing) (our|my) (fiscal|) (year|quarter|month)',
  '(get|getting|have|put) (you|this|it|the deal|them|your order) on the books',
  '(a couple of|a few|one|two|#) (deals|deal) (short of|away from) (quota|my quota|my number|target|my target)',
  '(short of|behind on|away from) (my|our|) (quota|number|target)',
  '(close|closing) (out|) the (month|quarter|year) strong',
  'now is the time (to|if)',
  "(don't|do not) miss out",
  '(after that|after which) (I|we) (have to|need to|must|will) (release|give|pull|withdraw|lose)',
  '(our|my) (fiscal|) (quarter|month|year) (ends|closes|is ending|is closing|close|end)',
  { say: '(this|the) (quarter|month) (ends|closes|is ending|is closing|is almost over|wraps up)', unlessBefore: /\byour\s+(?:\w+\s+){0,3}$/i },
  '(discount|offer|pricing|price|promotion|promo|rate|deal|incentive) (expires|ends|is only (good|valid|available)|is valid (only|) until|won\'t last|goes away|disappears|runs out)',
  '(discount|offer|pricing|price|rate|deal) (I|we) (offered|quoted|mentioned|sent|proposed) * (expires|ends|runs out|goes away)',
  '(hold|keep) (the|this|that|your) * (discount|price|pricing|rate|slot|offer) (until|till|through) ',
  '(expires|expiring) (soon|today|tomorrow|tonight|this week|this month|on friday|friday|at midnight)',
  'limited-time',
  'act (now|fast|quickly)',
  'last chance',
  'only # (spots|seats|slots|licenses|places) (left|remaining)',
  '(before|until) (the|our|) (price|prices|pricing) (go|goes|will go) up',
  '(price|prices|pricing) (go|goes|will go|is going) up',
  '(need|needs|have|has|want|wants|hoping|looking) to (close|sign|get this signed|get it signed|get the deal signed|wrap this up|finalize this|lock this in|get this over the line|book this) (this|by|before|today|tomorrow|asap)',
  '(sign|signed|signature) (by|before) (friday|today|tomorrow|end of day|eod|the end of|month-end|quarter-end|monday|then|the #(st|nd|rd|th|))',
  '(my|our) (manager|boss|vp|director|cfo|sales director|leadership) (needs|wants|is asking|is pushing|is pressing)',
  '(can|could) only (hold|honor|honour|keep|guarantee) (this|the|that) (price|pricing|discount|rate|offer)',
  '(if|when) you (sign|commit|close|buy|order) (by|before|this week|today|this month|this quarter)',
  '(this|the) (offer|deal|discount) (won\'t|will not) (last|be around)',
  'book it (this|before) (month|quarter|week)',
  'get (it|this) (in|booked|closed) (this|before) (quarter|month)',
  'so I can (hit|make|close)',
];

export const DESPERATION: Phrase[] = [
  "(I've|I have|I) (reached out|emailed|called|written|messaged|pinged|followed up|contacted you|tried to reach you|tried reaching you|tried calling|tried emailing|left (you|) (several|a few|multiple|#) (voicemails|messages)) (to you|you|) (several|a few|a couple of|multiple|many|numerous|a number of|#|two|three|four|five) times",
  "(I've|I have) (left|sent) (you|) (several|a few|multiple|many|numerous|#) (voicemails|messages|emails|notes)",
  { say: "(haven't|have not|hadn't|had not|didn't|did not|never) (heard|hear) (back|from you|anything|a word)", unlessAfter: /^\s+(?:yet\s+)?from\s+(?!you\b)/i },
  "(I|we) (have|'ve|) (received|got|had) no (response|reply|answer|word)",
  "(I've|I have) (tried|called|emailed|phoned|rung|messaged|chased|written to|pinged) (you|) (#|several|multiple|many|a few|numerous) times",
  "(this is|that's|this will be) (my|the) (second|third|fourth|fifth|sixth|#(st|nd|rd|th)) (attempt|try|email|message|time)",
  "(I've|I have) (sent|written) (you|) (#|several|multiple|many|a few|numerous) (emails|messages|notes|times|already|so far)",
  "(I've|I have) sent # (so far|already|now)",
  "(decided|chosen) to ignore (me|us|my)",
  "(why|understand why) (I'm|I am) not getting (a|any) (response|reply|answer)",
  "(the|a) (simple|) courtesy of a (reply|response)",
  "(I|we) (must say|have to say|'m|am) (disappointed|frustrated|surprised) (that|by|not|I)",
  "(I must say|I have to say) (I am|I'm) (disappointed|frustrated)",
  "(would have been|it'd have been|would've been) nice to (get|hear|receive)",
  "(worry|worried|worrying|afraid|fear) (that|) (my|our) (last|previous|) (few|couple of|) (emails|messages|notes|email) (went|go|are going|ended up|landed) (to|in) (spam|junk)",
  "(hope|hoping) (I|we) (didn't|haven't|did not|have not) (scare|scared|put|frighten|frightened|annoy|annoyed|upset|offend|offended|bother|bothered) you",
  "not (heard|hearing) back",
  'since I (haven\'t|have not|didn\'t|did not) heard',
  '(did|have) I (do|say|done|said|write|written) (something|anything) (wrong|to offend|to upset)',
  '(did|have) I (offend|upset|annoy|bother)',
  'I (must|may|might) have (done|said) something',
  "(not sure|wondering|unsure) (if|whether) (you're|you are|my (emails|messages|notes) are) (getting|receiving|ignoring|reaching|going to spam|landing|seeing)",
  '(are|is) my (emails|messages|notes|email|message) (getting through|reaching you|going to spam|landing)',
  '(please|pls) (just|) (respond|reply|answer|get back to me|write back)',
  'I (really|) need (a|an|your|some) (answer|response|reply|decision) (from you|)',
  "(you've|you have|you seem to have|you seem to've|seems you've|looks like you've|you've kind of|you have kind of) gone (dark|quiet|silent|radio silent|mia|awol|cold)",
  'gone (dark|radio silent|quiet|silent|cold) on (me|us)',
  'ghost(ed|ing) (me|us)',
  "(I'm|I am) (starting to|beginning to|) (get|getting|) (worried|concerned|nervous) (that|about|you)",
  '(still|) waiting (to hear|for (your|a) (reply|response|answer|decision))',
  '(any|some) sign of life',
  'throw me a bone',
  "(I'm|I am) (starting to feel|beginning to feel|feeling) (ignored|like)",
  "I (hope|trust) I (didn't|haven't|did not|have not) (do|done|say|said|offend|upset)",
  "(I|we) (don't|do not) (want|mean) to (be a pest|pester|nag|bother you|be annoying|keep bugging)",
  'sorry to (bother|pester|bug|nag) you (again|)',
  "you (must be|are probably|'re probably) (sick|tired) of (me|hearing from me|my emails)",
];

export const BRAGGING: Phrase[] = [
  'industry-leading', 'world-class', 'best-in-class', 'award-winning', 'cutting-edge', 'state-of-the-art',
  'market-leading', 'best-of-breed', 'second to none', 'unmatched', 'unparalleled', 'unrivalled', 'unrivaled',
  'revolutionary', 'game-changing', 'game changer', 'bleeding-edge', 'next-generation', 'next-gen',
  '(the|a) (leading|premier|top|#1|number one|no. 1|number-one) (provider|platform|solution|vendor|company|firm|agency|partner|supplier|tool|software|player|name)',
  '(the|) (best|finest|greatest|most advanced|most innovative|most powerful|most comprehensive|most trusted|fastest|smartest|most reliable) * (in|on) the (industry|market|world|business|space|country|sector)',
  "(our|my) (clients|customers|users) (love|adore|rave about|swear by) (us|our|working with us|it)",
  "(we're|we are) (simply|truly|by far|) the (best|leader|leading|#1|number one|only|top|market leader)",
  '(best|superior|outstanding|exceptional|unbeatable|unmatched) customer (service|support|experience)',
  '(our|my) (superior|amazing|incredible|innovative|powerful|robust|unique|proprietary|best|exceptional|outstanding|award-winning|revolutionary|cutting-edge) (product|products|solution|solutions|platform|service|services|technology|team|software|tool|offering|features)',
  '(trusted|used|loved) by (thousands|hundreds|millions|the world\'s|over #|more than #|#)',
  '(nobody|no one|no other (company|vendor|provider)) (does|can do|offers|comes close)',
  'we (pride ourselves|are proud|take pride)',
  "(we're|we are) (the|an) (industry|market) leader",
];

export const OPT_OUTS: Phrase[] = [
  "(if|in case) (this|it|now|that|the project|this project|payroll|this work) (isn't|is not|is no longer|isn't really|isn't currently) (a|the|) (priority|fit|good fit|right fit|good time|right time|focus|relevant|on your radar|something you need|a need|useful|changing|happening|moving)",
  "(if|in case) (it's|that's|this's) (not|no longer|not really) (a|the|) (priority|fit|good fit|right fit|good time|right time|focus|relevant|on your radar|something you need|a need|useful|the moment|for you|changing|happening|moving)",
  "(if|in case) (it is|it's) not the (moment|right moment|time)",
  "(if|and if|or if) not(,|) (no worries|no problem|all good|that's fine|totally fine|that's ok|just let me know|just tell me|just say|no reply needed|no need to reply|I understand|understood)",
  "(if|in case) (you've|you have) (gone|decided to go|chosen to go|moved) (another way|a different way|with another|elsewhere|in another direction|on)",
  "(if|in case) (you've|you have|you're|you are) (got|already got|already|sorted|covered|handling|sorting|all set|set)",
  "(if|in case) (you're|you are) (happy|fine|all set|sorted|covered) (with|for)",
  "no (reply|response|answer) (needed|necessary|required)",
  "(no need|don't feel obliged|don't feel obligated|no obligation|no pressure) to (reply|respond|answer|write back)",
  "either (answer|way|reply|response) is (fine|great|ok|okay|helpful|totally fine|welcome|useful|good)",
  { say: '(no longer|not) (interested|relevant|a priority|the right time|a fit|for you|the right person)', question: true },
  '(reply|respond|answer|just say|say|write|type|hit reply with) (with|) ("stop"|“stop”|"pass"|“pass”|pass|"skip"|“skip”|skip|"no"|“no”|"not now"|“not now”|not now|"no thanks"|“no thanks”|no thanks|"unsubscribe"|“unsubscribe”)',
  "(if|in case) (the|my) timing('s| is|) (wrong|off|not right|bad|isn't right|is not right|isn't great|not great)",
  "(if|in case) (now|this quarter|this year) (isn't|is not|'s not) (a|the) (good|right|best) (time|moment)",
  "(if|in case) (you're|you are) not (interested|the right person|looking|ready|focused)",
  "(if|in case) (you'd|you would) (rather|prefer) (I|we|not|that I|that we|to)",
  "(if|in case) (there's|there is) no (interest|need|fit|appetite)",
  "(if|in case) (this|it) (doesn't|does not|won't|will not) (make sense|fit|apply|help|work for you)",
  "(if|in case) I('ve| have) (got|reached|contacted|emailed) the wrong (person|contact)",
  "(just|simply|) (let me know|tell me|say so|say the word|reply no|reply with no|hit reply) (and|if) (I'll|I will|we'll|we will) (stop|step back|close|leave|back off|not|stay out|take you off|remove)",
  'no (worries|problem|hard feelings|pressure|offence|offense) (at all|) (if|either way)',
  '(totally|completely|fully|I|I\'ll|I will|we|we\'ll) (understand|get it) (if|either way)',
  '(feel free|please feel free|happy for you) to (tell|let) me (know|)',
  '(should I|shall I|do you want me to|would you like me to) (close|stop|step back|back off|check back|reach out (later|next)|leave)',
  '(is|are) (there|) (someone|somebody) (else|better) (I should|to|who)',
  "(if|in case) (I've|I have|I'm|I am) (got|reached|contacted|emailing|writing to|) (the|) wrong (person|contact)",
  "(if|in case) (you're|you are) not the right person",
  '(point|direct|send) me (to|toward|towards) the right person',
  'a (quick|simple|short|one-word|) (no|"no"|“no”) (is|works|would be|is also) (totally|perfectly|completely|just|also|) (fine|great|helpful|ok|okay|useful|welcome|just as helpful|an answer)',
  '(either way|whatever you decide|whichever way), (just|) (let me know|a quick reply)',
  "(not|isn't|is not) (the right|a good|a) (fit|priority|time) (right now|at the moment|for you|this quarter|this year|yet|)",
  '(happy|glad|fine) to (revisit|reconnect|circle back|check back|pick this up) (later|next (quarter|year|month)|when (the time|timing)|down the (road|line)|if)',
  '(no|zero) (need|obligation) to (reply|respond|answer)',
  '(happy|glad|fine) to park (this|it)',
];

/**
 * Promises to step back. They are a graceful way out only beside an invitation to say
 * no ("If not, just tell me and I'll leave you be"); said alone ("I will not contact you
 * again", "this is my last email") they close the door rather than hold it open.
 */
export const WITHDRAWALS: Phrase[] = [
  "(I'll|I will|I'd|we'll|we will|I'm happy to|happy to|I) (happily|gladly|just|simply|quietly|then|) (stop|step back|step aside|back off|bow out|drop it|drop this|leave it there|leave it at that|leave you be|leave you alone|leave you in peace|leave things there|get out of your (inbox|hair|way)|stay out of your (inbox|way)|close (the|your|this|my) (loop|file|thread)|close the file|take you off (my|our|the|) (list|sequence)|remove you|stop (here|there|writing|emailing|e-mailing|reaching out|following up|sending|bugging you|chasing|nudging|contacting you|bothering you|writing to you)|not (chase|bother you|email you|email|send more|write again|follow up|reach out|keep emailing|keep chasing|trouble you|contact you|keep writing)|not (chase|bother you|email you|follow up|reach out|contact you|send anything) (again|further|anymore|any more))",
  "(I won't|I will not|we won't|we will not|I'll not) (bother you|follow up|reach out|email you|email again|chase|keep chasing|keep emailing|contact you|send more|send anything else|write again|trouble you) (again|further|anymore|any more|)",
  "you (won't|will not) hear from me (again|further|on this)",
  "(last|final) (note|email|message|one) from me",
  "(this is|this will be|that's) my (last|final) (note|email|message|one)",
];

/** The prospect asking us to stop. Only ever looked for in what they wrote (quoted history). */
export const STOP_REQUESTS: Phrase[] = [
  { say: '(please|) remove me', unlessAfter: /^\s+from\s+(?:the\s+)?(?:cc|thread|invite|meeting|call|chain|loop|distribution for (?:this|the) (?:meeting|call)|this (?:thread|email|invite|meeting|chain))\b|^\s+as\s+(?:a|an|the)\b|^\s*,?\s+(?:and|but)\s+(?:add|include|loop)\b/i },
  '(take|get) me off (your|this|the|all) (mailing|email|marketing|contact|distribution|) (list|lists)',
  '(unsubscribe|unsub) me',
  '(please|) (stop|quit|cease) (emailing|e-mailing|contacting|calling|messaging|texting|spamming|bothering|pestering|writing to|following up with|reaching out to) (me|us)',
  "(do not|don't|never|please don't|please do not) (contact|email|e-mail|call|message|text|reach out to|write to) (me|us) (again|anymore|any more|in future|in the future|ever)",
  'never (contact|email|call) (me|us)',
  "not interested(.|,|;|!|) (please|so|) (stop|remove|don't|do not|take me|take us)",
  "not interested (—|–|-) (please|) (stop|remove|don't|do not|take me|take us)",
  '(no longer|don\'t|do not) (wish|want) to (receive|hear|be contacted|get)',
  'leave (me|us) alone',
  'this is (spam|unsolicited)',
  'opt (me|us) out',
];

export const BOILERPLATE_GREETINGS: Phrase[] = [
  'dear (sir|madam|sir/madam|sir or madam|madam or sir|sirs|sir/ madam)',
  'to whom it may concern',
  'dear (valued|) (customer|client|partner|prospect|friend|colleague|reader|business owner|decision maker|decision-maker|user|member)',
  'dear (hiring manager|team member|recipient)',
  'greetings of the day',
  'hello (friend|sir|madam)',
];

/** Built-in lists by name, in the shape the options page extends. */
export const PHRASE_LISTS: Record<PhraseListName, Phrase[]> = {
  checkins: CHECKINS,
  pressure: PRESSURE,
  desperation: DESPERATION,
  bragging: BRAGGING,
  optOuts: OPT_OUTS,
  stopRequests: STOP_REQUESTS,
  boilerplateGreetings: BOILERPLATE_GREETINGS,
};
