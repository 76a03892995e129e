/**
 * The bench measures what users run: the built library (dist/lib, bundled by esbuild),
 * not the TypeScript sources through tsx. `npm run bench` builds it first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './lib.ts';

const built = join(REPO_ROOT, 'dist/lib/index.js');
if (!existsSync(built)) throw new Error('dist/lib is missing: run `npm run build` (npm run bench does) first.');

export const touchwise = (await import(pathToFileURL(built).href)) as typeof import('../src/index.ts');
