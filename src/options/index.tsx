/** The options page: backups, CRM imports and settings. Everything goes through the background (the only writer). */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ask } from '../shared/ask.ts';
import type { Settings } from '../shared/settings.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;


function readFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  input.value = '';
  return file ? file.text() : Promise.resolve(null);
}

function Line({ status }: { status: Status }) {
  return status ? <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null;
}

function Backup() {
  const [status, setStatus] = useState<Status>(null);
  const exportNow = async () => {
    const r = await ask<object>({ type: 'export-backup' });
    if (!r.ok) return setStatus({ kind: 'error', text: r.error });
    const url = URL.createObjectURL(new Blob([JSON.stringify(r.value, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `touchwise-backup-${new Date().toISOString().slice(0, 10)}.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ kind: 'ok', text: 'Backup saved to your downloads.' });
  };
  const restore = async (e: Event) => {
    const text = await readFile(e.currentTarget as HTMLInputElement);
    if (text === null) return;
    let backup: unknown;
    try {
      backup = JSON.parse(text);
    } catch {
      return setStatus({ kind: 'error', text: 'That file is not JSON, so it is not a Touchwise backup. Nothing was changed.' });
    }
    if (!confirm('Restoring replaces every deal, touch and commitment Touchwise holds now. Continue?')) return;
    const r = await ask<{ deals: number; touches: number; commitments: number }>({ type: 'restore-backup', backup });
    setStatus(r.ok ? { kind: 'ok', text: `Restored ${r.value.deals} deals, ${r.value.touches} touches and ${r.value.commitments} commitments.` } : { kind: 'error', text: r.error });
  };
  return (
    <section>
      <h2>Backup</h2>
      <p class="help">Everything Touchwise knows stays in this browser. Save a backup file to keep it, or to move it to another browser.</p>
      <div class="actions">
        <button class="primary" onClick={exportNow}>Save a backup</button>
        <label class="check">Restore from a backup file <input type="file" accept="application/json,.json" onChange={restore} /></label>
      </div>
      <Line status={status} />
    </section>
  );
}

function CrmImport() {
  const [status, setStatus] = useState<Status>(null);
  const importFile = async (e: Event) => {
    const csv = await readFile(e.currentTarget as HTMLInputElement);
    if (csv === null) return;
    const r = await ask<{ format: string; imported: number; skipped: Array<{ row: number; reason: string }> }>({ type: 'import-crm', csv });
    if (!r.ok) return setStatus({ kind: 'error', text: r.error });
    const skipped = r.value.skipped.length ? ` Skipped ${r.value.skipped.length} rows (${r.value.skipped.slice(0, 3).map((s) => `row ${s.row}: ${s.reason}`).join('; ')}${r.value.skipped.length > 3 ? '; …' : ''}).` : '';
    setStatus({ kind: 'ok', text: `Imported ${r.value.imported} deals from the ${r.value.format} export.${skipped}` });
  };
  return (
    <section>
      <h2>Import deals from your CRM</h2>
      <p class="help">A CSV export of HubSpot deals, a Salesforce opportunity report, or Pipedrive deals. An import lands whole or not at all.</p>
      <div class="actions">
        <input type="file" accept=".csv,text/csv" onChange={importFile} aria-label="CRM export (CSV)" />
      </div>
      <Line status={status} />
    </section>
  );
}

const LISTS: Array<[keyof Settings['extraPhrases'], string]> = [
  ['checkins', 'Empty check-ins'],
  ['pressure', 'Your clock, not theirs'],
  ['desperation', 'Guilt and neediness'],
  ['bragging', 'About you, not them'],
  ['optOuts', 'Graceful ways out'],
];

function SettingsForm() {
  const [s, setS] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    void ask<Settings>({ type: 'get-settings' }).then((r) => (r.ok ? setS(r.value) : setStatus({ kind: 'error', text: r.error })));
  }, []);
  if (!s) return <Line status={status} />;
  const save = async () => {
    const r = await ask<Settings>({ type: 'save-settings', settings: s });
    if (r.ok) setS(r.value);
    setStatus(r.ok ? { kind: 'ok', text: 'Saved.' } : { kind: 'error', text: r.error });
  };
  const num = (v: string) => Number.parseInt(v, 10);
  return (
    <section>
      <h2>Pacing</h2>
      <p class="help">Business days to wait after the 1st, 2nd, 3rd … unanswered touch, then the long tail between touches for as long as it takes.</p>
      <div class="grid">
        <label>
          Waits (business days)
          <input value={s.pacingWaits.join(', ')} onChange={(e) => setS({ ...s, pacingWaits: e.currentTarget.value.split(/[\s,;]+/).map(num).filter((n) => n > 0) })} />
        </label>
        <label>
          Long tail (business days)
          <input type="number" min={5} max={250} value={s.longTail} onChange={(e) => setS({ ...s, longTail: num(e.currentTarget.value) })} />
        </label>
        <label>
          Long silence (days) before nurture or requalify
          <input type="number" min={14} max={730} value={s.longSilenceDays} onChange={(e) => setS({ ...s, longSilenceDays: num(e.currentTarget.value) })} />
        </label>
        <label>
          Word limit: follow-up / live reply
          <input value={`${s.maxWords.silence} / ${s.maxWords.live}`} onChange={(e) => {
            const [a, b] = e.currentTarget.value.split('/').map((x) => num(x));
            setS({ ...s, maxWords: { silence: a || s.maxWords.silence, live: b || s.maxWords.live } });
          }} />
        </label>
      </div>
      <h2>Your own phrases</h2>
      <p class="help">One phrase per line, added to the built-in lists. <code>(a|b)</code> means either word, <code>(a|)</code> makes a word optional.</p>
      <div class="grid">
        {LISTS.map(([key, label]) => (
          <label key={key}>
            {label}
            <textarea class="phrases" value={(s.extraPhrases[key] ?? []).join('\n')} onChange={(e) => setS({ ...s, extraPhrases: { ...s.extraPhrases, [key]: e.currentTarget.value.split('\n').map((l) => l.trim()).filter(Boolean) } })} />
          </label>
        ))}
      </div>
      <h2>Sending</h2>
      <label class="check">
        <input type="checkbox" checked={s.confirmBeforeBlockedSend} onChange={(e) => setS({ ...s, confirmBeforeBlockedSend: e.currentTarget.checked })} />
        Ask me to confirm before sending a draft Touchwise would block (otherwise Touchwise never stands in the way of Send)
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={s.notifyWhenWaitEnds}
          onChange={async (e) => {
            const on = e.currentTarget.checked;
            // The browser asks the user for the notifications permission only when it is wanted.
            const granted = on ? await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false) : true;
            setS({ ...s, notifyWhenWaitEnds: on && granted });
            if (on && !granted) setStatus({ kind: 'error', text: 'Without the notifications permission Touchwise cannot notify you; the badge still counts deals due.' });
          }}
        />
        Notify me when a wait ends (the toolbar badge always counts deals due for action)
      </label>
      <div class="actions">
        <button class="primary" onClick={save}>Save settings</button>
      </div>
      <Line status={status} />
    </section>
  );
}

function App() {
  return (
    <main>
      <h1>Touchwise</h1>
      <p class="help">Every follow-up must give value for the time it asks. Silence often means wait.</p>
      <SettingsForm />
      <CrmImport />
      <Backup />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
