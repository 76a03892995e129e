/** The advisor: deals, touches, pacing and wait-or-act verdicts. Pure: no browser APIs. */
export { advise, DEFAULT_ADVISOR, type Advice, type AdviceVerdict, type AdvisorInput, type AdvisorSettings, type Reason } from './advise.ts';
export { DEFAULT_PACING, endsInBurst, waitAfter, type PacingSettings } from './pacing.ts';
export { askedToStop, clockFrom, clockOf, clockOfReading, dateIn, handedClock, readingOf, readInbound, READER_VERSION, usableReading, DEFAULT_READING, type HandedClock, type ProspectSignal, type ReadingSettings } from './prospect.ts';
