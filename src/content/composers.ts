/**
 * What the content script does on a webmail page: finds the open composers through the
 * site's adapter, follows each one's edits (a MutationObserver on its body and the page's
 * input events, with a short debounce), asks the background to score the draft and shows
 * the verdict in a banner, notices the send (the Send button or the keyboard shortcut,
 * then the composer closing) and records it, and sends the open conversation's history
 * to the background.
 *
 * No composer, no work: until the user focuses or types in an editor, nothing here runs
 * but a few event listeners that return at once. Nothing here throws into the page.
 */
import type { DraftVerdict, Message, Reply } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { mountBanner, type BannerView } from './banner.tsx';
import type { ComposerSnapshot, SiteAdapter } from './sites/index.ts';

/** How long typing must pause before the draft is scored again. */
export const DEBOUNCE_MS = 250;
/** How often open composers are checked for having closed (only while one is open). */
const LIVENESS_MS = 750;
/** A composer that closes this soon after its Send was pressed was sent. */
const SEND_WINDOW_MS = 20_000;
/** One click, keypress or shortcut is one send gesture: the confirmation is asked once for all its events. */
const GESTURE_MS = 1500;
/** Longest body sent for scoring (the background caps at 2 MB). */
const MAX_BODY = 1_900_000;

export type Ask = <T>(message: Message) => Promise<Reply<T>>;

export interface PageDeps {
  document: Document;
  adapter: SiteAdapter;
  ask: Ask;
  now?: () => Date;
  /** Asks the user a yes/no question (window.confirm in the page). */
  confirm?: (question: string) => boolean;
  debounceMs?: number;
  /** Called once if the extension went away (updated or removed): everything has been torn down. */
  onGone?: () => void;
}

interface Tracked {
  snapshot: ComposerSnapshot;
  body: HTMLElement;
  observer: MutationObserver;
  banner: BannerView;
  /** What was last sent for scoring: subject, recipients and body. */
  scoredKey: string;
  /** Increases with every request; a reply to an older one is dropped. */
  asked: number;
  result?: DraftVerdict;
  dismissed: boolean;
  /** When Send was last pressed, and the draft as it was then. */
  sending?: { at: number; snapshot: ComposerSnapshot };
}

export interface PageWatch {
  /** Reads the page now (tests and the benchmark call it; events call it debounced). */
  refresh(): Promise<void>;
  /** Composer ids being followed. */
  tracked(): string[];
  stop(): void;
}

const keyOf = (s: ComposerSnapshot): string => `${s.subject}\u0000${s.to.join(',')}\u0000${s.cc.join(',')}\u0000${s.bodyHtml}`;

function isEditorTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el !== 'object' || el.nodeType !== 1) return false;
  const tag = el.tagName;
  return el.isContentEditable === true || tag === 'INPUT' || tag === 'TEXTAREA' || el.getAttribute?.('contenteditable') === 'true';
}

const gone = (e: unknown): boolean => /context invalidated|Extension context|receiving end does not exist/i.test(String((e as Error)?.message ?? e));

export function watchPage(deps: PageDeps): PageWatch {
  const { document: doc, adapter } = deps;
  const now = deps.now ?? (() => new Date());
  const debounceMs = deps.debounceMs ?? DEBOUNCE_MS;
  const view = doc.defaultView ?? (globalThis as unknown as Window);
  const composers = new Map<string, Tracked>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let liveness: ReturnType<typeof setInterval> | undefined;
  let settings: Pick<Settings, 'confirmBeforeBlockedSend'> = { confirmBeforeBlockedSend: false };
  let lastThread = '';
  let stopped = false;
  let gesture: { id: string; at: number; allow: boolean } | undefined;

  async function ask<T>(message: Message): Promise<Reply<T>> {
    try {
      const reply = await deps.ask<T>(message);
      if (!reply.ok && gone(reply.error)) teardown();
      return reply;
    } catch (e) {
      if (gone(e)) teardown();
      return { ok: false, error: (e as Error)?.message ?? String(e) };
    }
  }

  function schedule(delay = debounceMs): void {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, delay);
  }

  function track(snapshot: ComposerSnapshot): Tracked {
    const body = snapshot.bodyElement;
    const Observer = (view as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver ?? MutationObserver;
    const observer = new Observer(() => schedule());
    observer.observe(body, { subtree: true, childList: true, characterData: true });
    const tracked: Tracked = {
      snapshot,
      body,
      observer,
      banner: mountBanner(body, () => {
        tracked.dismissed = true;
        tracked.banner.host.hidden = true;
      }),
      scoredKey: '',
      asked: 0,
      dismissed: false,
    };
    composers.set(snapshot.id, tracked);
    liveness ??= setInterval(() => {
      for (const t of composers.values()) if (!t.body.isConnected) return void refresh();
    }, LIVENESS_MS);
    // Settings are read again for every new composer: a change in the options page holds from the next draft.
    void ask<Settings>({ type: 'get-settings' }).then((r) => {
      if (r.ok) settings = r.value;
    });
    return tracked;
  }

  function untrack(id: string, t: Tracked): void {
    t.observer.disconnect();
    t.banner.remove();
    composers.delete(id);
    if (composers.size === 0 && liveness !== undefined) {
      clearInterval(liveness);
      liveness = undefined;
    }
  }

  async function score(t: Tracked): Promise<void> {
    const s = t.snapshot;
    const key = keyOf(s);
    if (key === t.scoredKey) return;
    t.scoredKey = key;
    const asked = ++t.asked;
    if (!(t.body.textContent ?? '').trim()) {
      // Nothing written yet: nothing to judge.
      t.result = undefined;
      t.banner.update({ kind: 'empty' });
      return;
    }
    const reply = await ask<DraftVerdict>({
      type: 'score-draft',
      draft: { body: s.bodyHtml.slice(0, MAX_BODY), html: true, subject: s.subject.slice(0, 2000), to: [...new Set([...s.to, ...s.cc])].slice(0, 200) },
    });
    if (asked !== t.asked || !composers.has(s.id)) return; // a newer draft is being scored, or the composer closed
    if (reply.ok) {
      t.result = reply.value;
      t.banner.update({ kind: 'scored', result: reply.value });
    } else {
      t.scoredKey = ''; // try again on the next edit
      t.banner.update({ kind: 'unavailable', message: reply.error });
    }
  }

  /** Records a send: the composer closed soon after its Send was pressed. */
  function recordSent(t: Tracked): void {
    const s = t.sending!.snapshot;
    const to = [...new Set([...s.to, ...s.cc])];
    if (to.length === 0) return;
    void ask({ type: 'record-sent', to, at: now().toISOString(), subject: s.subject, body: s.bodyHtml.slice(0, MAX_BODY), html: true });
  }

  /** Sends the open conversation's messages to the background, once per change. */
  function readThread(): void {
    const messages = adapter.thread(doc).filter((m) => m.at !== null && m.from);
    if (messages.length === 0) return;
    const me = adapter.account(doc);
    const recipients = new Set([...composers.values()].flatMap((t) => [...t.snapshot.to, ...t.snapshot.cc]));
    const mine = (from: string): boolean => (me ? from === me : !recipients.has(from));
    if (!me && recipients.size === 0) return; // no way to tell whose messages are whose
    const theirs = messages.filter((m) => !mine(m.from));
    const prospect = theirs[theirs.length - 1]?.from ?? [...recipients][0];
    if (!prospect) return;
    const key = `${prospect}|${messages.length}|${messages[messages.length - 1]!.at}`;
    if (key === lastThread) return;
    lastThread = key;
    void ask({
      type: 'record-thread',
      prospect,
      messages: messages.slice(-500).map((m) => ({ at: m.at!, direction: mine(m.from) ? ('out' as const) : ('in' as const), ...(m.text ? { text: m.text.slice(0, 20_000) } : {}) })),
    });
  }

  async function refresh(): Promise<void> {
    if (stopped) return;
    try {
      const snapshots = adapter.composers(doc);
      const open = new Set(snapshots.map((s) => s.id));
      for (const [id, t] of composers) {
        if (open.has(id) && t.body.isConnected) continue;
        if (t.sending && Date.now() - t.sending.at < SEND_WINDOW_MS) recordSent(t);
        untrack(id, t);
      }
      const fresh: Tracked[] = [];
      const work: Promise<void>[] = [];
      for (const snapshot of snapshots) {
        let t = composers.get(snapshot.id);
        if (t && t.body !== snapshot.bodyElement) {
          untrack(snapshot.id, t);
          t = undefined;
        }
        if (!t) fresh.push((t = track(snapshot)));
        t.snapshot = snapshot;
        t.banner.reattach();
        work.push(score(t));
      }
      if (fresh.length > 0) readThread();
      await Promise.all(work);
    } catch {
      // The page changed under us; the next event tries again.
    }
  }

  /** The tracked composer an event happened in (its body, or anywhere in the composer for the shortcut). */
  function composerOf(target: EventTarget | null): [string, Tracked] | undefined {
    const el = target as Node | null;
    if (!el || typeof el !== 'object') return undefined;
    for (const entry of composers) if (entry[1].body === el || entry[1].body.contains(el)) return entry;
    return undefined;
  }

  /**
   * A send gesture on composer `id`. With the opt-in setting, a draft the scorer blocks
   * asks first; declining stops the gesture's events from reaching the page. Returns
   * whether the send may go ahead.
   */
  function sendGesture(id: string, event: Event, record: boolean): boolean {
    const t = composers.get(id);
    if (!t) return true;
    let allow = true;
    if (settings.confirmBeforeBlockedSend && t.result?.verdict === 'block') {
      const at = Date.now();
      if (gesture && gesture.id === id && at - gesture.at < GESTURE_MS) allow = gesture.allow;
      else {
        const why = t.result.findings.find((f) => f.severity === 'error')?.message ?? 'Touchwise would not send this draft.';
        allow = (deps.confirm ?? ((q) => view.confirm(q)))(`Touchwise: ${why}\n\nSend it anyway?`);
        gesture = { id, at, allow };
      }
    }
    if (!allow) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return false;
    }
    if (record) {
      // The draft as it is now: the page may empty the composer as it sends.
      const [snapshot] = adapter.composers(doc).filter((s) => s.id === id);
      t.sending = { at: Date.now(), snapshot: snapshot ?? t.snapshot };
      schedule(LIVENESS_MS);
    }
    return true;
  }

  /** Edits in an open composer; with none open, only focusing an editor looks for one. */
  const onEdit = (event: Event): void => {
    if (stopped) return;
    if (composers.size === 0 && (event.type !== 'focusin' || !isEditorTarget(event.target))) return;
    schedule();
  };

  const onPointer = (event: Event): void => {
    if (stopped || composers.size === 0) return;
    const target = event.target as Element | null;
    if (!target || target.nodeType !== 1) return;
    const id = adapter.sentFrom(target);
    if (id) sendGesture(id, event, event.type === 'click');
  };

  const onKey = (event: KeyboardEvent): void => {
    if (stopped || composers.size === 0) return;
    if (adapter.sendsOnKey(event)) {
      const found = composerOf(event.target) ?? composerOf(doc.activeElement);
      if (found) sendGesture(found[0], event, true);
      return;
    }
    // Enter or Space on a focused Send button.
    if (event.key === 'Enter' || event.key === ' ') {
      const target = event.target as Element | null;
      const id = target && target.nodeType === 1 ? adapter.sentFrom(target) : null;
      if (id) sendGesture(id, event, true);
    }
  };

  const onNavigate = (): void => {
    if (stopped) return;
    // The conversation renders after the address changes.
    setTimeout(() => {
      if (!stopped) {
        try {
          readThread();
        } catch {
          /* the page changed */
        }
      }
    }, 1200);
  };

  const listeners: [EventTarget, string, (e: never) => void][] = [
    [doc, 'focusin', onEdit],
    [doc, 'input', onEdit],
    [doc, 'paste', onEdit],
    [doc, 'drop', onEdit],
    [doc, 'keyup', onEdit],
    [doc, 'pointerdown', onPointer],
    [doc, 'mousedown', onPointer],
    [doc, 'mouseup', onPointer],
    [doc, 'click', onPointer],
    [doc, 'keydown', onKey],
    [view, 'hashchange', onNavigate],
    [view, 'popstate', onNavigate],
  ];
  /** Every listener runs guarded: whatever goes wrong in here stays in here. */
  const guarded = listeners.map(([target, type, fn]) => {
    const safe = (event: Event): void => {
      try {
        (fn as (e: Event) => void)(event);
      } catch {
        /* the page goes on as if we were not here */
      }
    };
    return [target, type, safe] as const;
  });
  for (const [target, type, fn] of guarded) target.addEventListener(type, fn, true);

  function teardown(): void {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (liveness !== undefined) clearInterval(liveness);
    for (const [target, type, fn] of guarded) target.removeEventListener(type, fn, true);
    for (const [id, t] of composers) untrack(id, t);
    deps.onGone?.();
  }

  // A composer may already be open (a draft restored, a pop-out window).
  void refresh();

  return {
    refresh,
    tracked: () => [...composers.keys()],
    stop: teardown,
  };
}
