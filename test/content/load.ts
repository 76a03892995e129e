/**
 * Loads a fixture page into its own happy-dom window at a given address, as the
 * content script would see it. Close the windows after each test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const open: Window[] = [];

export function fixtureHtml(path: string): string {
  return readFileSync(`${fixtures}${path}`, 'utf8');
}

export function page(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  open.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

export function load(path: string, url: string): Document {
  return page(fixtureHtml(path), url);
}

export async function closeAll(): Promise<void> {
  for (const window of open.splice(0)) await window.happyDOM.close();
}

/** The ISO string of a local date and time, as the page's browser would show it. */
export function local(year: number, month: number, day: number, hour = 0, minute = 0): string {
  return new Date(year, month - 1, day, hour, minute).toISOString();
}

/** A broken document: every query throws. */
export function throwingDocument(): Document {
  const fail = (): never => {
    throw new Error('the page broke');
  };
  return { querySelector: fail, querySelectorAll: fail, get URL(): string { return fail(); }, documentElement: null } as unknown as Document;
}

/** Counts the document's querySelector and querySelectorAll calls from here on. */
export function countQueries(doc: Document): () => number {
  let queries = 0;
  const all = doc.querySelectorAll.bind(doc);
  const one = doc.querySelector.bind(doc);
  doc.querySelectorAll = ((s: string) => {
    queries++;
    return all(s);
  }) as typeof doc.querySelectorAll;
  doc.querySelector = ((s: string) => {
    queries++;
    return one(s);
  }) as typeof doc.querySelector;
  return () => queries;
}
