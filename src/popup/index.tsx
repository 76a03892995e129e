/**
 * The toolbar popup: the deals and what to do about each (wait or act, and why), a check
 * before a call, and a place to paste a draft and check it.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { RULE_INFO } from '../rules/catalog.ts';
import type { ScoreResult } from '../rules/types.ts';
import type { Reply } from '../shared/messages.ts';
import { ask } from '../shared/ask.ts';
import type { Advice } from '../advice/advise.ts';
import type { StoredDeal, Touch } from '../shared/records.ts';

interface DealWithAdvice {
  deal: StoredDeal;
  advice: Advice;
}


const ORDER: Record<Advice['verdict'], number> = { act: 0, wait: 1, nurture: 2, requalify: 3, stop: 4 };
const LABEL: Record<Advice['verdict'], string> = { act: 'Act', wait: 'Wait', nurture: 'Nurture', requalify: 'Requalify', stop: 'Stop' };

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

function Deals() {
  const [deals, setDeals] = useState<DealWithAdvice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = async () => {
    const r = await ask<DealWithAdvice[]>({ type: 'list-deals' });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDeals([...r.value].sort((a, b) => ORDER[a.advice.verdict] - ORDER[b.advice.verdict] || (a.advice.until ?? '').localeCompare(b.advice.until ?? '') || a.deal.name.localeCompare(b.deal.name)));
  };
  useEffect(() => void load(), []);
  if (error) return <p class="error-text" role="alert">{error}</p>;
  if (!deals) return <p class="lede">Loading deals…</p>;
  if (!deals.length)
    return (
      <div>
        <p class="lede">No deals yet. Touchwise makes one from each conversation you have in Gmail or Outlook, or import your deals from your CRM.</p>
        <button onClick={() => void browser.runtime.openOptionsPage()}>Import from your CRM</button>
      </div>
    );
  const due = deals.filter((d) => d.advice.verdict === 'act').length;
  return (
    <div>
      <p class="lede">{due ? `${due} deal${due === 1 ? '' : 's'} to act on now, with something of value.` : 'Nothing is due: silence often means wait.'}</p>
      <ul class="deals">
        {deals.map((d) => (
          <DealRow key={d.deal.id} item={d} open={open === d.deal.id} onToggle={() => setOpen(open === d.deal.id ? null : d.deal.id)} onChange={load} />
        ))}
      </ul>
    </div>
  );
}

function DealRow({ item, open, onToggle, onChange }: { item: DealWithAdvice; open: boolean; onToggle: () => void; onChange: () => Promise<void> }) {
  const { deal, advice } = item;
  const [status, setStatus] = useState<string | null>(null);
  const log = async (channel: Touch['channel'], direction: Touch['direction']) => {
    const r = await ask({ type: 'log-touch', dealId: deal.id, touch: { at: new Date().toISOString(), channel, direction } });
    setStatus(r.ok ? 'Logged.' : r.error);
    if (r.ok) await onChange();
  };
  const stop = async () => {
    if (!confirm(`Mark ${deal.name} do-not-contact? Touchwise will block drafts to them.`)) return;
    const r = await ask({ type: 'mark-do-not-contact', dealId: deal.id, doNotContact: true });
    setStatus(r.ok ? null : r.error);
    if (r.ok) await onChange();
  };
  const timers = `silent ${advice.silenceDays} day${advice.silenceDays === 1 ? '' : 's'} · ${advice.unansweredTouches} unanswered`;
  return (
    <li class={`deal ${advice.verdict}`}>
      <button class="deal-head" aria-expanded={open} onClick={onToggle}>
        <span class={`chip ${advice.verdict}`}>{LABEL[advice.verdict]}</span>
        <span class="deal-name">{deal.name}</span>
        <span class="deal-when">{advice.until ? `until ${day(advice.until)}` : timers}</span>
      </button>
      {!open && <p class="deal-why">{advice.reasons[0]?.message}</p>}
      {open && (
        <div class="deal-more">
          {advice.until && <p class="why">{timers}</p>}
          {advice.reasons.map((r) => (
            <p key={r.code} class="why">
              {r.message} <span class="seed">(seed {r.seed})</span>
            </p>
          ))}
          {advice.verdict !== 'stop' && <BeforeACall advice={advice} />}
          {advice.verdict !== 'stop' && (
            <div class="row wrap">
              <button onClick={() => void log('call', 'out')}>Log a call</button>
              <button onClick={() => void log('voicemail', 'out')}>Log a voicemail</button>
              <button onClick={() => void log('meeting', 'out')}>Log a meeting</button>
              <button onClick={() => void log('call', 'in')}>They called</button>
              <button class="danger" onClick={() => void stop()}>Do not contact</button>
            </div>
          )}
          {status && <p class="why" role="status">{status}</p>}
        </div>
      )}
    </li>
  );
}

/** The check before a call (RULEBOOK: research, value, a real reason, a voicemail plan). */
function BeforeACall({ advice }: { advice: Advice }) {
  const items = [
    ['research', 'I looked them up: their company, their role, what changed lately.', '001: “Research, research, research”'],
    ['value', 'This call brings them something: an insight, an answer, a next step for their decision.', '000: every interaction must move them closer to a smart decision'],
    ['reason', 'The reason for the call is a commitment one of us made, not an excuse to get back in.', '004: commitments, not excuses, create the next call'],
    ['voicemail', 'My voicemail is ready: short, about their needs, one call to action, when I will try again, and a graceful way out.', '001: concise, relevant, and let them opt out'],
  ] as const;
  const [done, setDone] = useState<Record<string, boolean>>({});
  const ready = items.every(([k]) => done[k]);
  return (
    <fieldset class="call-check">
      <legend>Before you call</legend>
      {advice.verdict === 'wait' && advice.until && <p class="warn">The advice is to wait until {day(advice.until)}: call now only if it answers something they asked.</p>}
      {items.map(([k, text, seed]) => (
        <label key={k} class="check">
          <input type="checkbox" checked={!!done[k]} onChange={(e) => setDone({ ...done, [k]: e.currentTarget.checked })} />
          <span>
            {text} <span class="seed">({seed})</span>
          </span>
        </label>
      ))}
      <p class={ready ? 'ok-text' : 'why'}>{ready ? 'Ready: make it count.' : 'Not ready yet: no call beats a call that wastes their time.'}</p>
    </fieldset>
  );
}

async function score(body: string, to: string): Promise<Reply<ScoreResult>> {
  return ask<ScoreResult>({ type: 'score-draft', draft: { body, to: to.split(/[,;\s]+/).filter(Boolean) } });
}

function CheckDraft() {
  const [body, setBody] = useState('');
  const [to, setTo] = useState('');
  const [reply, setReply] = useState<Reply<ScoreResult> | null>(null);
  useEffect(() => {
    if (!body.trim()) {
      setReply(null);
      return;
    }
    // A reply for an older draft must not replace the verdict of the one on screen.
    let current = true;
    const t = setTimeout(() => void score(body, to).then((r) => current && setReply(r)), 250);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [body, to]);
  return (
    <div>
      <p class="lede">Every follow-up must give value for the time it asks. Paste a draft to check it.</p>
      <label for="to">To</label>
      <input id="to" type="email" multiple placeholder="dana@northwind-freight.com" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      <label for="draft">Draft</label>
      <textarea id="draft" placeholder="Hi Dana, …" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      <section aria-live="polite">{reply && <Result reply={reply} />}</section>
    </div>
  );
}

function Result({ reply }: { reply: Reply<ScoreResult> }) {
  if (!reply.ok) return <p class="error-text" role="alert">{reply.error}</p>;
  const r = reply.value;
  return (
    <div>
      <div class="row">
        <span class={`verdict ${r.verdict}`}>{r.verdict}</span>
        <span>score {r.score}/100</span>
      </div>
      <ul class="findings">
        {r.findings.map((f, i) => {
          const rule = RULE_INFO[f.rule];
          return (
            <li key={i} class={f.severity}>
              <div>
                <span class="rule">{rule?.title ?? f.rule}</span> · {f.message}
              </div>
              {f.suggestion && <div class="suggestion">→ {f.suggestion}</div>}
              {rule && <div class="why">Why: {rule.why} (seed {rule.seed})</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface PageHealth {
  site: string;
  composers: number;
  recognised: boolean;
  problem?: string;
}

const SITE_NAME: Record<string, string> = { gmail: 'Gmail', outlook: 'Outlook' };

/**
 * What Touchwise can read on the open tab, when it is Gmail or Outlook: asked of the
 * tab's content script (other tabs have none, and nothing is shown).
 */
function PageStatus() {
  const [health, setHealth] = useState<PageHealth | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) return;
        const answer = (await browser.tabs.sendMessage(tab.id, { type: 'page-health' })) as PageHealth | undefined;
        if (answer && typeof answer.site === 'string') setHealth(answer);
      } catch {
        /* not a webmail tab */
      }
    })();
  }, []);
  if (!health) return null;
  const name = SITE_NAME[health.site] ?? health.site;
  const text = health.problem
    ? `${name}: ${health.problem}`
    : health.composers > 0
      ? `${name}: reading ${health.composers} draft${health.composers === 1 ? '' : 's'}.`
      : `${name}: open a draft and Touchwise checks it as you write.`;
  return (
    <p class={health.problem ? 'page-status problem' : 'page-status'} role="status">
      {text}
    </p>
  );
}

function App() {
  const [tab, setTab] = useState<'deals' | 'draft'>('deals');
  return (
    <main>
      <h1>Touchwise</h1>
      <PageStatus />
      <div class="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'deals'} onClick={() => setTab('deals')}>
          Deals
        </button>
        <button role="tab" aria-selected={tab === 'draft'} onClick={() => setTab('draft')}>
          Check a draft
        </button>
      </div>
      <div role="tabpanel">{tab === 'deals' ? <Deals /> : <CheckDraft />}</div>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
