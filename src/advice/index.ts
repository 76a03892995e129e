/** The advisor: deals, touches, pacing and wait-or-act verdicts. Pure: no browser APIs. */
export { advise, DEFAULT_ADVISOR, type Advice, type AdviceVerdict, type AdvisorSettings, type Reason } from './advise.ts';
export { DEFAULT_PACING, endsInBurst, waitAfter, type PacingSettings } from './pacing.ts';
export { askedToStop, clockOf, dateIn, readInbound, DEFAULT_READING, type ProspectSignal, type ReadingSettings } from './prospect.ts';
