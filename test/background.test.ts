import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandler, dealFromAddress, dueCount, type DealWithAdvice } from '../src/background/messages.ts';
import { Store } from '../src/store/db.ts';
import type { Backup, ScoreResult } from '../src/index.ts';
import type { DraftVerdict } from '../src/shared/messages.ts';
import { readSettings, type Settings } from '../src/shared/settings.ts';

let n = 0;
// A fixed clock: Monday 23 November 2026, 10:00 UTC.
const NOW = new Date('2026-11-23T10:00:00Z');
function setup() {
  const store = Store.open({ name: `touchwise-bg-${++n}`, now: () => NOW });
  return createHandler({ store: () => store, now: () => NOW });
}
const value = <T>(reply: unknown): T => {
  const r = reply as { ok: boolean; value?: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
};

describe('background message handling', () => {
  it('scores a draft sent by the page', async () => {
    const handle = setup();
    const r = value<ScoreResult>(await handle({ type: 'score-draft', draft: { body: 'Just checking in. Any update?', to: ['dana@x.com'] } }));
    expect(r.verdict).toBe('revise');
    expect(r.findings.some((f) => f.rule === 'empty-checkin')).toBe(true);
  });

  it.each([
    [null, /message/],
    [{ type: 'score-draft' }, /draft/],
    [{ type: 'score-draft', draft: { body: 42 } }, /draft\.body/],
    [{ type: 'delete-everything' }, /type/],
    [{ type: 'score-draft', draft: { body: 'x'.repeat(2_000_001) } }, /draft\.body/],
    [{ type: 'record-sent', to: ['not an address'], at: '2026-11-23T09:00:00Z' }, /to\.0/],
    [{ type: 'log-touch', dealId: 'd', touch: { at: 'soon', channel: 'email', direction: 'out' } }, /touch\.at/],
  ])('rejects a malformed message with a clear error: %j', async (msg, where) => {
    const reply = await setup()(msg);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(where);
  });

  it('makes a deal from webmail alone: by company domain, each free-mail address its own', () => {
    expect(dealFromAddress('Dana@Northwind-Freight.com')).toMatchObject({ id: 'domain:northwind-freight.com', name: 'Northwind Freight', contacts: ['dana@northwind-freight.com'] });
    expect(dealFromAddress('sam.rivers@gmail.com')).toMatchObject({ id: 'email:sam.rivers@gmail.com', domains: [] });
  });

  it('records a send, and the next draft to that company learns the wait', async () => {
    const handle = setup();
    value(await handle({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: '2026-11-10T09:00:00Z', direction: 'in', text: 'Sounds interesting.' }] }));
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-20T09:00:00Z', body: 'Here is the benchmark.', value: true }));
    // A colleague at the same company: same deal, and it is in a wait until Wed 25 Nov.
    const r = value<ScoreResult>(await handle({ type: 'score-draft', draft: { body: 'Just checking in on the benchmark.', to: ['lee@northwind-freight.com'] } }));
    const pacing = r.findings.find((f) => f.rule === 'pacing');
    expect(pacing?.severity).toBe('warning');
    expect(pacing?.message).toContain('Wed 25 Nov');
  });

  it('records a thread once, however often it is read', async () => {
    const handle = setup();
    const thread = { type: 'record-thread', prospect: 'sam.rivers@gmail.com', messages: [{ at: '2026-11-02T09:00:00Z', direction: 'out' }, { at: '2026-11-03T09:00:00Z', direction: 'in', text: 'Thanks!' }] };
    expect(value<{ added: number }>(await handle(thread)).added).toBe(2);
    expect(value<{ added: number }>(await handle(thread)).added).toBe(0);
  });

  it('lists deals with their verdicts, and counts those due for action', async () => {
    const handle = setup();
    value(await handle({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: '2026-11-20T16:00:00Z', direction: 'in', text: 'Can you send pricing for 40 seats?' }] }));
    value(await handle({ type: 'record-sent', to: ['sam.rivers@gmail.com'], at: '2026-11-20T09:00:00Z' }));
    const list = value<DealWithAdvice[]>(await handle({ type: 'list-deals' }));
    const byId = Object.fromEntries(list.map((d) => [d.deal.id, d.advice.verdict]));
    expect(byId).toEqual({ 'domain:northwind-freight.com': 'act', 'email:sam.rivers@gmail.com': 'wait' });
    expect(dueCount(list)).toBe(1);
  });

  it('logs manual touches and commitments, and blocks drafts once marked do-not-contact', async () => {
    const handle = setup();
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-16T09:00:00Z' }));
    const id = 'domain:northwind-freight.com';
    value(await handle({ type: 'log-touch', dealId: id, touch: { at: '2026-11-18T15:00:00Z', channel: 'call', direction: 'in' } }));
    value(await handle({ type: 'set-commitment', dealId: id, commitment: { owner: 'us', due: '2026-11-24T17:00:00Z', what: 'send the revised SOW' } }));
    let list = value<DealWithAdvice[]>(await handle({ type: 'list-deals' }));
    expect(list[0]!.advice.reasons[0]!.code).toBe('commitment-due');
    value(await handle({ type: 'mark-do-not-contact', dealId: id, doNotContact: true }));
    list = value<DealWithAdvice[]>(await handle({ type: 'list-deals' }));
    expect(list[0]!.advice.verdict).toBe('stop');
    const r = value<ScoreResult>(await handle({ type: 'score-draft', draft: { body: 'Here is the SOW.', to: ['dana@northwind-freight.com'] } }));
    expect(r.verdict).toBe('block');
    const missing = await handle({ type: 'log-touch', dealId: 'nope', touch: { at: '2026-11-18T15:00:00Z', channel: 'call', direction: 'in' } });
    expect(missing).toEqual({ ok: false, error: 'There is no deal “nope”.' });
  });

  it('still scores drafts when the store cannot open', async () => {
    const handle = createHandler({ store: () => Promise.reject(new Error('no IndexedDB')), now: () => NOW });
    const r = value<ScoreResult>(await handle({ type: 'score-draft', draft: { body: 'Just checking in.' } }));
    expect(r.verdict).toBe('revise');
    const listed = await handle({ type: 'list-deals' });
    expect(listed).toEqual({ ok: false, error: 'Touchwise could not do that: no IndexedDB' });
  });
});

describe('settings, backup and imports through the background', () => {
  function setupWithSettings() {
    const store = Store.open({ name: `touchwise-bg-${++n}`, now: () => NOW });
    let saved: unknown;
    const handle = createHandler({
      store: () => store,
      now: () => NOW,
      settings: async () => readSettings(saved),
      saveSettings: async (s) => void (saved = JSON.parse(JSON.stringify(s))),
    });
    return handle;
  }

  it('saves settings, keeping valid fields and defaults for invalid ones, and scores with them', async () => {
    const handle = setupWithSettings();
    const next = value<Settings>(await handle({ type: 'save-settings', settings: { extraPhrases: { checkins: ['solo para saber'] }, longTail: 'often', notifyWhenWaitEnds: true } }));
    expect(next).toMatchObject({ extraPhrases: { checkins: ['solo para saber'] }, longTail: 55, notifyWhenWaitEnds: true });
    expect(value<Settings>(await handle({ type: 'get-settings' })).notifyWhenWaitEnds).toBe(true);
    const r = value<ScoreResult>(await handle({ type: 'score-draft', draft: { body: 'Hola Dana, solo para saber.' } }));
    expect(r.findings.some((f) => f.rule === 'empty-checkin')).toBe(true);
  });

  it('exports a backup and restores it, and refuses a file that is not one', async () => {
    const handle = setupWithSettings();
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-20T09:00:00Z' }));
    const backup = value<Backup>(await handle({ type: 'export-backup' }));
    expect(backup).toMatchObject({ format: 'touchwise-backup', version: 1 });
    expect(backup.deals).toHaveLength(1);
    const other = setupWithSettings();
    expect(value(await other({ type: 'restore-backup', backup: JSON.parse(JSON.stringify(backup)) }))).toEqual({ deals: 1, touches: 1, commitments: 0 });
    const bad = await other({ type: 'restore-backup', backup: { hello: 'world' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/Nothing was changed/);
  });

  it('imports a CRM export as deals, and names the expected columns for a file it does not know', async () => {
    const handle = setupWithSettings();
    const csv = 'Record ID,Deal Name,Deal Stage,Associated Contact\r\n101,Northwind pilot,Qualified to buy,Dana Reyes (dana@northwind-freight.com)\r\n102,Kelpie renewal,Contract sent,\r\n';
    const result = value<{ format: string; imported: number }>(await handle({ type: 'import-crm', csv }));
    expect(result).toMatchObject({ format: 'hubspot', imported: 2 });
    const list = value<DealWithAdvice[]>(await handle({ type: 'list-deals' }));
    expect(list.map((d) => d.deal.name).sort()).toEqual(['Kelpie renewal', 'Northwind pilot']);
    const unknown = await handle({ type: 'import-crm', csv: 'name,age\nx,1\n' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatch(/Deal Name/);
  });
});

describe('ended waits (the optional notification)', () => {
  it('announces only the deals that were waiting and are now due', async () => {
    const { waitsEnded } = await import('../src/background/messages.ts');
    const d = (id: string, verdict: string) => ({ deal: { id, name: id }, advice: { verdict } }) as unknown as DealWithAdvice;
    const ended = waitsEnded({ a: 'wait', b: 'act', c: 'wait' }, [d('a', 'act'), d('b', 'act'), d('c', 'wait'), d('new', 'act')]);
    expect(ended.map((x) => x.deal.id)).toEqual(['a']);
  });
});

describe('background: what the webmail page sends', () => {
  it('answers a draft to a known deal with the deal: silence, unanswered touches and wait-or-act', async () => {
    const handle = setup();
    value(await handle({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: '2026-11-12T15:00:00Z', direction: 'in', text: 'Send me the lane numbers when you have them.' }] }));
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-20T09:00:00Z', body: 'Here are the lane numbers.' }));
    const r = value<DraftVerdict>(await handle({ type: 'score-draft', draft: { body: 'Just checking in on the numbers.', to: ['dana@northwind-freight.com'] } }));
    expect(r.deal).toMatchObject({ id: 'domain:northwind-freight.com', name: 'Northwind Freight', verdict: 'wait', silenceDays: 11, unansweredTouches: 1 });
    expect(r.deal!.until).not.toBeNull();
    expect(r.deal!.reason).toBeTruthy();
    expect(r.findings.map((f) => f.rule)).toContain('pacing');
    // A stranger's address has no deal, and scoring makes none.
    const stranger = value<DraftVerdict>(await handle({ type: 'score-draft', draft: { body: 'Here is the report.', to: ['new@elsewhere.example'] } }));
    expect(stranger.deal).toBeUndefined();
    expect(value<DealWithAdvice[]>(await handle({ type: 'list-deals' }))).toHaveLength(1);
    // The first recipient with a deal speaks for the draft, wherever it stands in the list.
    const cc = value<DraftVerdict>(await handle({ type: 'score-draft', draft: { body: 'Here is the report.', to: ['new@elsewhere.example', 'sam.rivers@gmail.com', 'dana@northwind-freight.com'] } }));
    expect(cc.deal?.id).toBe('domain:northwind-freight.com');
  });

  it('tells a live exchange from silence by the deal’s last touches', async () => {
    const handle = setup();
    const draft = { body: 'Thanks Dana. The lane model is attached; the pilot pays for itself on lane 4 alone. Thursday at 10?', to: ['dana@northwind-freight.com'] };
    const before = value<DraftVerdict>(await handle({ type: 'score-draft', draft }));
    value(await handle({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: '2026-11-23T09:30:00Z', direction: 'in', text: 'Can you send the lane model before Thursday?' }] }));
    const after = value<DraftVerdict>(await handle({ type: 'score-draft', draft }));
    // Following up on silence, a missing way out is a warning; replying to them a moment ago, only a tip.
    expect(before.findings.find((f) => f.rule === 'opt-out')?.severity).toBe('warning');
    expect(after.findings.find((f) => f.rule === 'opt-out')?.severity ?? 'info').toBe('info');
  });

  it('keeps a sent HTML email as the writer’s own words, without the quoted history, and judges its value', async () => {
    const handle = setup();
    const body =
      '<div dir="ltr">Hi Dana,<div><br></div><div>The lane model is attached: lane 4 alone pays for the pilot.</div><div>Sam</div></div>' +
      '<div class="gmail_quote"><div class="gmail_attr">On Tue, Nov 10, 2026 Dana wrote:</div><blockquote class="gmail_quote">Can you send the lane numbers? SECRET-QUOTED</blockquote></div>';
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-20T09:00:00Z', body, html: true }));
    const backup = value<Backup>(await handle({ type: 'export-backup' }));
    const [touch] = backup.touches;
    expect(touch!.text).toContain('lane 4 alone pays for the pilot');
    expect(touch!.text).not.toContain('SECRET-QUOTED');
    expect(touch!.text).not.toContain('<div');
    expect(touch!.value).toBe(true);
    value(await handle({ type: 'record-sent', to: ['lee@northwind-freight.com'], at: '2026-11-21T09:00:00Z', body: '<div>Just checking in. Any update?</div>', html: true }));
    const again = value<Backup>(await handle({ type: 'export-backup' }));
    expect(again.touches.find((t) => t.contact === 'lee@northwind-freight.com')!.value).toBe(false);
  });

  it('does not count a sent email twice when the thread later shows it to the minute', async () => {
    const handle = setup();
    value(await handle({ type: 'record-sent', to: ['dana@northwind-freight.com'], at: '2026-11-20T09:03:27.412Z', body: 'Here are the lane numbers.' }));
    const r = value<{ added: number }>(
      await handle({
        type: 'record-thread',
        prospect: 'dana@northwind-freight.com',
        messages: [
          { at: '2026-11-19T15:00:00.000Z', direction: 'in', text: 'Can you send the lane numbers?' },
          { at: '2026-11-20T09:03:00.000Z', direction: 'out', text: 'Here are the lane numbers.' },
          { at: '2026-11-20T09:05:00.000Z', direction: 'in', text: 'Thanks!' },
        ],
      }),
    );
    expect(r.added).toBe(2);
    const backup = value<Backup>(await handle({ type: 'export-backup' }));
    expect(backup.touches.filter((t) => t.direction === 'out')).toHaveLength(1);
    // Read again: nothing new.
    expect(value<{ added: number }>(await handle({ type: 'record-thread', prospect: 'dana@northwind-freight.com', messages: [{ at: '2026-11-20T09:05:00.000Z', direction: 'in' }] })).added).toBe(0);
  });
});
