/**
 * The banner beside a composer: the draft's verdict, its top findings with one line of
 * advice and the seed's reason, all findings on request, and the recipient's deal
 * (silence and wait-or-act) when the recipient is a known deal.
 *
 * It lives in a Shadow DOM root on a `<touchwise-banner>` element, so the page's styles
 * cannot reach in and ours cannot leak out (`:host { all: initial }` also stops inherited
 * ones). Tests and tools read two attributes on that element, kept current:
 * `data-verdict` (send | revise | block) and `data-rules` (the rule ids with findings,
 * comma-separated, in the order shown).
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { RULE_INFO } from '../rules/catalog.ts';
import type { DealState, DraftVerdict } from '../shared/messages.ts';
import { BANNER_CSS } from './banner.style.ts';

export const BANNER_TAG = 'touchwise-banner';

export type BannerState =
  | { kind: 'checking' }
  | { kind: 'empty' }
  | { kind: 'scored'; result: DraftVerdict }
  | { kind: 'unavailable'; message: string };

export interface BannerView {
  readonly host: HTMLElement;
  update(state: BannerState): void;
  /** Puts the banner back beside its composer if the page moved or removed it. */
  reattach(): void;
  remove(): void;
}

const VERDICT_TEXT: Record<DraftVerdict['verdict'], string> = {
  send: 'Ready to send',
  revise: 'Worth a revision',
  block: 'Hold this one',
};

const DEAL_TEXT: Record<DealState['verdict'], string> = {
  act: 'Act, with something of value',
  wait: 'Wait',
  nurture: 'Nurture: value only, rarely',
  requalify: 'Requalify before you chase',
  stop: 'Do not contact',
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_TEXT = { error: 'Must fix', warning: 'Should fix', info: 'Tip' } as const;

type Finding = DraftVerdict['findings'][number];

/** Findings worst first, the scorer's order kept within a severity. */
export function ordered(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** The rule ids with findings, once each, worst first: the `data-rules` value. */
export function rulesOf(result: DraftVerdict): string[] {
  return [...new Set(ordered(result.findings).map((f) => f.rule))];
}

const shortDay = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
};

function dealLine(deal: DealState): string {
  const parts = [deal.name];
  parts.push(deal.silenceDays === 0 ? 'they spoke today' : `silent ${deal.silenceDays} day${deal.silenceDays === 1 ? '' : 's'}`);
  if (deal.unansweredTouches > 0) parts.push(`${deal.unansweredTouches} unanswered`);
  const state = deal.verdict === 'wait' && deal.until ? `Wait until ${shortDay(deal.until)}` : DEAL_TEXT[deal.verdict];
  return `${parts.join(' · ')} — ${state}`;
}

/** "2 to fix · 1 tip", or why there is nothing to fix. */
function summaryOf(findings: readonly Finding[]): string {
  const fix = findings.filter((f) => f.severity !== 'info').length;
  const tips = findings.length - fix;
  if (findings.length === 0) return 'It gives value for the time it asks.';
  const parts = [];
  if (fix) parts.push(`${fix} to fix`);
  if (tips) parts.push(`${tips} tip${tips === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function FindingItem({ finding }: { finding: Finding }) {
  const info = RULE_INFO[finding.rule];
  return (
    <li class={`finding ${finding.severity}`} data-rule={finding.rule}>
      <span class="severity">{SEVERITY_TEXT[finding.severity]}</span> <strong>{info?.title ?? finding.rule}</strong>: {finding.message}
      {finding.suggestion ? <div class="suggestion">{finding.suggestion}</div> : null}
      {info ? <div class="why">Why: {info.why}</div> : null}
    </li>
  );
}

function Banner({ state, onDismiss }: { state: BannerState; onDismiss: () => void }) {
  const [expanded, setExpanded] = useState(false);
  if (state.kind !== 'scored') {
    return (
      <div class="banner" data-kind={state.kind}>
        <div class="row">
          <span class="mark" aria-hidden="true">T</span>
          <span class="summary status" role="status" aria-live="polite">
            {state.kind === 'checking'
              ? 'Touchwise is reading this draft…'
              : state.kind === 'empty'
                ? 'Touchwise checks this draft as you write: every follow-up must give them something for their time.'
                : `Touchwise could not check this draft: ${state.message}`}
          </span>
          <button type="button" class="dismiss" aria-label="Hide Touchwise for this draft" title="Hide for this draft" onClick={onDismiss}>
            ×
          </button>
        </div>
      </div>
    );
  }
  const { result } = state;
  const all = ordered(result.findings);
  const top = all.filter((f) => f.severity !== 'info').slice(0, 2);
  const shown = expanded ? all : top.length ? top : all.slice(0, 1);
  const more = all.length - shown.length;
  const listId = 'touchwise-findings';
  return (
    <div class="banner" data-kind="scored" data-verdict={result.verdict}>
      <div class="row">
        <span class="mark" aria-hidden="true">T</span>
        <span class="status" role="status" aria-live="polite">
          <span class="verdict">{VERDICT_TEXT[result.verdict]}</span>{' '}
          <span class="summary">{summaryOf(all)}</span>
        </span>
        <span class="score" title="How well the draft keeps the bargain: 100 gives value for every minute it asks">
          {result.score}/100
        </span>
        {all.length > 0 && (expanded || more > 0) ? (
          <button type="button" class="toggle" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${all.length}`}
          </button>
        ) : null}
        <button type="button" class="dismiss" aria-label="Hide Touchwise for this draft" title="Hide for this draft" onClick={onDismiss}>
          ×
        </button>
      </div>
      {result.deal ? (
        <div class={`deal ${result.deal.verdict}`} data-deal-verdict={result.deal.verdict}>
          <span>{dealLine(result.deal)}</span>
          {result.deal.reason ? <div class="why">{result.deal.reason}</div> : null}
        </div>
      ) : null}
      {shown.length > 0 ? (
        <ul class="findings" id={listId}>
          {shown.map((f, i) => (
            <FindingItem key={`${f.rule}-${f.start}-${i}`} finding={f} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Whether the page around the composer is dark (Gmail's and Outlook's dark themes don't
 * follow the system setting); null when no ancestor paints a background, in which case
 * the system setting decides.
 */
function pageIsDark(el: Element): boolean | null {
  try {
    const view = el.ownerDocument.defaultView;
    if (!view) return false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = view.getComputedStyle(node).backgroundColor;
      const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+%?))?/.exec(bg ?? '');
      if (!m) continue;
      if (m[4] !== undefined && parseFloat(m[4]) === 0) continue;
      const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
    }
  } catch {
    /* unknown */
  }
  return null;
}

/**
 * Puts a banner just below a composer's body, above its Send button: outside the
 * editable area (the email never carries it), and after the body in tab order, so Tab
 * from the subject still lands in the body. `onDismiss` is called when the user hides it.
 */
export function mountBanner(body: HTMLElement, onDismiss: () => void): BannerView {
  const doc = body.ownerDocument;
  const host = doc.createElement(BANNER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  const dark = pageIsDark(body);
  if (dark !== null) host.setAttribute('data-theme', dark ? 'dark' : 'light');
  host.setAttribute('data-state', 'checking');
  let current: BannerState = { kind: 'checking' };

  const place = (): void => {
    const parent = body.parentElement;
    if (parent && body.isConnected && (host.parentElement !== parent || host.previousSibling !== body)) parent.insertBefore(host, body.nextSibling);
  };
  const draw = (): void => render(<Banner state={current} onDismiss={onDismiss} />, mount);

  place();
  draw();
  return {
    host,
    update(state) {
      current = state;
      host.setAttribute('data-state', state.kind);
      if (state.kind === 'empty') {
        for (const name of ['data-verdict', 'data-rules', 'data-score', 'data-deal-verdict']) host.removeAttribute(name);
      }
      if (state.kind === 'scored') {
        host.setAttribute('data-verdict', state.result.verdict);
        host.setAttribute('data-rules', rulesOf(state.result).join(','));
        host.setAttribute('data-score', String(state.result.score));
        if (state.result.deal) host.setAttribute('data-deal-verdict', state.result.deal.verdict);
        else host.removeAttribute('data-deal-verdict');
      }
      draw();
    },
    reattach: place,
    remove() {
      render(null, mount);
      host.remove();
    },
  };
}
