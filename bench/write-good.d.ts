/** write-good ships no types; what the bench uses of it. */
declare module 'write-good' {
  export interface Suggestion {
    index: number;
    offset: number;
    reason: string;
  }
  export default function writeGood(text: string, options?: Record<string, unknown>): Suggestion[];
}
