/** The rules engine: pure TypeScript, no browser APIs; runs the same in Node and the extension. */
export { scoreDraft, RULES, DEFAULT_MAX_WORDS, verdictOf, scoreOf } from './score.ts';
export { makeDraft, type Draft } from './draft.ts';
export { htmlToText, looksLikeHtml } from './html.ts';
export { PHRASE_LISTS } from './phrases.ts';
export { PhraseList, phraseSource, type Phrase, type PhraseEntry } from './match.ts';
export { RULE_INFO, type RuleInfo } from './catalog.ts';
export * from './types.ts';
