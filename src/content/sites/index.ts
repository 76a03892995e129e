/** The webmail sites Touchwise reads. Adding a site: write its adapter, list it here. */
import { gmail } from './gmail.ts';
import { outlook } from './outlook.ts';
import type { SiteAdapter } from './types.ts';

export type { ComposerKind, ComposerSnapshot, SiteAdapter, SiteHealth, ThreadMessage } from './types.ts';

export const ADAPTERS: readonly SiteAdapter[] = [gmail, outlook];

/** The adapter for a page's address, or null when Touchwise does not read that site. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return ADAPTERS.find((adapter) => adapter.matches(parsed)) ?? null;
  } catch {
    return null;
  }
}
