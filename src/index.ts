/**
 * Touchwise as a Node library: `import { scoreDraft } from 'touchwise'`.
 * The same code the extension runs in its background worker.
 */
export * from './rules/index.ts';
export * from './advice/index.ts';
export * from './shared/records.ts';
