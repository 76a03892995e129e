/** The toolbar popup. For now: check a draft by pasting it, before it goes anywhere. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { RULE_INFO } from '../rules/catalog.ts';
import type { ScoreResult } from '../rules/types.ts';
import type { Message, Reply } from '../shared/messages.ts';

async function score(body: string, to: string): Promise<Reply<ScoreResult>> {
  const message: Message = { type: 'score-draft', draft: { body, to: to.split(/[,;\s]+/).filter(Boolean) } };
  try {
    return (await browser.runtime.sendMessage(message)) as Reply<ScoreResult>;
  } catch (e) {
    return { ok: false, error: `The Touchwise worker did not answer (${(e as Error).message}).` };
  }
}

function App() {
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
    <main>
      <h1>Touchwise</h1>
      <p class="lede">Every follow-up must give value for the time it asks. Paste a draft to check it.</p>
      <label for="to">To</label>
      <input id="to" type="email" multiple placeholder="dana@northwind-freight.com" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      <label for="draft">Draft</label>
      <textarea id="draft" placeholder="Hi Dana, …" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      <section aria-live="polite">{reply && <Result reply={reply} />}</section>
    </main>
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
              <div><span class="rule">{rule?.title ?? f.rule}</span> · {f.message}</div>
              {f.suggestion && <div class="suggestion">→ {f.suggestion}</div>}
              {rule && <div class="why">Why: {rule.why} (seed {rule.seed})</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
