/**
 * The background's message handlers: validate, act, reply. They take the store and the
 * clock as arguments, so tests run them on fake-indexeddb with a fixed clock.
 *
 * Webmail alone is enough: a sent email or a thread read from the page makes a deal,
 * keyed by the company's email domain (each free-mail address is a deal of its own).
 */
import { advise, type Advice } from '../advice/index.ts';
import { companyTerms, domainOf, isFreeMailDomain } from '../rules/company.ts';
import { makeDraft, scoreDraft } from '../rules/index.ts';
import type { DraftContext, ScoreResult } from '../rules/types.ts';
import { Message, type DealState, type DraftVerdict, type Reply } from '../shared/messages.ts';
import type { StoredDeal } from '../shared/records.ts';
import { StoreError, type Store } from '../store/db.ts';
import { ImportError, importCrmCsv } from '../store/imports.ts';
import { DEFAULT_PACING } from '../advice/pacing.ts';
import { DEFAULT_ADVISOR, type AdvisorSettings } from '../advice/advise.ts';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../shared/settings.ts';

export interface HandlerDeps {
  /** Opens (once) and returns the store; may reject if the browser has no usable IndexedDB. */
  store: () => Promise<Store>;
  now: () => Date;
  /** The rep's time zone. */
  timeZone?: string;
  /** The user's settings (storage.sync in the extension); defaults when absent. */
  settings?: () => Promise<Settings>;
  saveSettings?: (settings: Settings) => Promise<void>;
}

function advisorSettings(s: Settings): AdvisorSettings {
  return { ...DEFAULT_ADVISOR, pacing: { ...DEFAULT_PACING, waits: s.pacingWaits, longTail: s.longTail }, longSilenceDays: s.longSilenceDays };
}

export interface DealWithAdvice {
  deal: StoredDeal;
  advice: Advice;
}

/** Two emails the same way this close together are one email seen twice (a page shows minutes, a send is recorded to the millisecond). */
const SAME_EMAIL_MS = 3 * 60_000;

const fail = (error: string): Reply<never> => ({ ok: false, error });
const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

/** The deal a conversation with `address` makes, when no deal knows them yet. */
export function dealFromAddress(address: string): Omit<StoredDeal, 'updatedAt'> {
  const email = address.toLowerCase();
  const domain = domainOf(email);
  if (!domain || isFreeMailDomain(domain)) return { id: `email:${email}`, name: email, contacts: [email], domains: [] };
  const term = companyTerms(undefined, [domain])[0] ?? domain;
  const company = term.replace(/\b\w/g, (c) => c.toUpperCase());
  return { id: `domain:${domain}`, name: company, company, contacts: [email], domains: [domain] };
}

export function createHandler(deps: HandlerDeps): (raw: unknown) => Promise<Reply<unknown>> {
  const timeZone = deps.timeZone ?? 'UTC';
  const settings = async () => (deps.settings ? deps.settings().catch(() => DEFAULT_SETTINGS) : DEFAULT_SETTINGS);

  async function adviceFor(store: Store, deal: StoredDeal, s?: Settings): Promise<Advice> {
    const [touches, commitments] = await Promise.all([store.touchesOf(deal.id), store.commitmentsOf(deal.id)]);
    return advise({ deal, touches, commitments, doNotContact: deal.doNotContact, timeZone }, deps.now().toISOString(), advisorSettings(s ?? (await settings())));
  }

  /** The recipient's deal, made from the address if none knows them yet. */
  async function dealOf(store: Store, address: string): Promise<StoredDeal> {
    const known = await store.dealForRecipient(address);
    if (known) {
      if (!known.contacts.includes(address)) return store.saveDeal({ ...known, contacts: [...known.contacts, address] });
      return known;
    }
    return store.saveDeal(dealFromAddress(address));
  }

  /**
   * Scores a draft with what is known of its recipients' deal: the first recipient with
   * a deal gives the deal's advice (pacing, do-not-contact), its company name, and its
   * last touches (which tell a live exchange from a follow-up on silence).
   */
  async function scoreWithDeal(draft: Extract<Message, { type: 'score-draft' }>['draft']): Promise<DraftVerdict> {
    const context: DraftContext = { ...draft.context };
    let dealState: DealState | undefined;
    const s = await settings();
    try {
      const store = await deps.store();
      // The first recipient (in the order written) with a deal speaks for the draft. The
      // first is looked up with its touches in one read; the others, if it has no deal, at once.
      const recipients = (draft.to ?? []).slice(0, 50);
      let records = recipients.length ? await store.recipient(recipients[0]!) : undefined;
      if (!records && recipients.length > 1) {
        const deals = await Promise.all(recipients.slice(1).map((address) => store.dealForRecipient(address)));
        const next = deals.findIndex((d) => d !== undefined);
        if (next >= 0) records = await store.recipient(recipients[next + 1]!);
      }
      if (records) {
        const { deal, touches, commitments } = records;
        const advice = advise({ deal, touches, commitments, doNotContact: deal.doNotContact, timeZone }, deps.now().toISOString(), advisorSettings(s));
        context.company ??= deal.company;
        if (deal.doNotContact) context.doNotContact = true;
        context.deal = { name: deal.name, verdict: advice.verdict, until: advice.until, reason: advice.reasons[0]?.message };
        // The newest few touches are what tell a live exchange from silence.
        context.lastTouches ??= touches.slice(-5).map((t) => ({ at: t.at, direction: t.direction, channel: t.channel, ...(t.text ? { text: t.text.slice(0, 2000) } : {}) }));
        dealState = {
          id: deal.id,
          name: deal.name,
          verdict: advice.verdict,
          until: advice.until,
          silenceDays: advice.silenceDays,
          unansweredTouches: advice.unansweredTouches,
          ...(advice.reasons[0] ? { reason: advice.reasons[0].message, seed: advice.reasons[0].seed } : {}),
        };
      }
    } catch {
      // No store (or it failed): score the draft on its own words; the page still gets a verdict.
    }
    const result: ScoreResult = scoreDraft({ ...draft, context }, { extraPhrases: s.extraPhrases, maxWords: s.maxWords });
    return dealState ? { ...result, deal: dealState } : result;
  }

  /** What a sent email is kept as: the writer's own words (no quoted history, no signature), and whether it gave value. */
  async function sentTouchText(msg: Extract<Message, { type: 'record-sent' }>): Promise<{ text?: string; value?: boolean }> {
    if (!msg.body) return msg.value !== undefined ? { value: msg.value } : {};
    // `own` blanks quoted history and signature to spaces: fold what is left into tidy lines.
    const own = makeDraft({ body: msg.body, html: msg.html, subject: msg.subject })
      .own.replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    let value = msg.value;
    if (value === undefined) {
      const s = await settings();
      value = !scoreDraft({ body: msg.body, html: msg.html, subject: msg.subject }, { extraPhrases: s.extraPhrases, maxWords: s.maxWords }).findings.some(
        (f) => (f.rule === 'value-item' || f.rule === 'empty-checkin') && f.severity !== 'info',
      );
    }
    return { ...(own ? { text: own.slice(0, 20_000) } : {}), value };
  }

  return async function handle(raw: unknown): Promise<Reply<unknown>> {
    const parsed = Message.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`Touchwise could not read that request (${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}).`);
    }
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'score-draft':
          return ok(await scoreWithDeal(msg.draft));
        case 'record-sent': {
          const store = await deps.store();
          const dealIds: string[] = [];
          const kept = await sentTouchText(msg);
          for (const address of msg.to) {
            const deal = await dealOf(store, address);
            if (dealIds.includes(deal.id)) continue;
            await store.recordTouch(deal.id, { at: msg.at, channel: 'email', direction: 'out', contact: address, ...kept });
            dealIds.push(deal.id);
          }
          return ok({ dealIds });
        }
        case 'record-thread': {
          const store = await deps.store();
          const deal = await dealOf(store, msg.prospect);
          // A thread is read every time it is opened: record each message once. Pages show
          // times to the minute, and a send was recorded to the millisecond as it happened:
          // an email the same way within a few minutes of a known one is that one.
          const known = (await store.touchesOf(deal.id)).filter((t) => t.channel === 'email').map((t) => ({ t: Date.parse(t.at), direction: t.direction }));
          let added = 0;
          for (const m of msg.messages) {
            const at = Date.parse(m.at);
            if (known.some((k) => k.direction === m.direction && Math.abs(k.t - at) < SAME_EMAIL_MS)) continue;
            await store.recordTouch(deal.id, { at: m.at, channel: 'email', direction: m.direction, contact: msg.prospect, ...(m.text ? { text: m.text.slice(0, 20_000) } : {}) });
            known.push({ t: at, direction: m.direction });
            added++;
          }
          return ok({ dealId: deal.id, added });
        }
        case 'list-deals': {
          const store = await deps.store();
          const deals = await store.deals();
          const s = await settings();
          const out: DealWithAdvice[] = [];
          for (const deal of deals) out.push({ deal, advice: await adviceFor(store, deal, s) });
          return ok(out);
        }
        case 'log-touch': {
          const store = await deps.store();
          if (!(await store.deal(msg.dealId))) return fail(`There is no deal “${msg.dealId}”.`);
          return ok(await store.recordTouch(msg.dealId, msg.touch));
        }
        case 'set-commitment': {
          const store = await deps.store();
          if (!(await store.deal(msg.dealId))) return fail(`There is no deal “${msg.dealId}”.`);
          return ok(await store.addCommitment(msg.dealId, msg.commitment));
        }
        case 'mark-do-not-contact': {
          const store = await deps.store();
          await store.setDoNotContact(msg.dealId, msg.doNotContact);
          return ok({ dealId: msg.dealId, doNotContact: msg.doNotContact });
        }
        case 'get-settings':
          return ok(await settings());
        case 'save-settings': {
          if (!deps.saveSettings) return fail('Settings cannot be saved here.');
          const next = readSettings({ ...(await settings()), ...msg.settings });
          await deps.saveSettings(next);
          return ok(next);
        }
        case 'export-backup':
          return ok(await (await deps.store()).exportBackup());
        case 'restore-backup':
          return ok(await (await deps.store()).restoreBackup(msg.backup));
        case 'import-crm': {
          const imported = importCrmCsv(msg.csv);
          const count = await (await deps.store()).importDeals(imported.deals);
          return ok({ format: imported.format, imported: count, skipped: imported.skipped });
        }
      }
    } catch (e) {
      return fail(e instanceof StoreError || e instanceof ImportError ? e.message : `Touchwise could not do that: ${(e as Error).message}`);
    }
  };
}

/**
 * Deals whose wait has just ended: advised `wait` at the last refresh, `act` now. What the
 * optional notification announces.
 */
export function waitsEnded(before: Record<string, string>, now: DealWithAdvice[]): DealWithAdvice[] {
  return now.filter((d) => d.advice.verdict === 'act' && before[d.deal.id] === 'wait');
}

/** Deals due for action now: what the toolbar badge counts. */
export function dueCount(list: DealWithAdvice[]): number {
  return list.filter((d) => d.advice.verdict === 'act').length;
}
