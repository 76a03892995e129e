/**
 * The banner's styles, inside its shadow root. `:host { all: initial }` stops the page's
 * inherited styles (font, colour, line height) from reaching in. Colours meet WCAG AA
 * contrast (4.5:1 for text) on both themes; the dark theme follows the page's own
 * background (Gmail's and Outlook's dark modes) or, failing that, the system setting.
 */
export const BANNER_CSS = `
:host {
  all: initial;
  display: block;
  margin: 4px 0 6px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1f2328;
  --fg: #1f2328; --bg: #f6f8fa; --border: #d0d7de; --muted: #57606a;
  --send: #116329; --revise: #8a4600; --block: #b3261e; --accent: #0d7377;
}
:host([hidden]) { display: none !important; }
:host([data-theme="dark"]) {
  color: #e6edf3;
  --fg: #e6edf3; --bg: #1c2128; --border: #444c56; --muted: #adbac7;
  --send: #57ab5a; --revise: #daaa3f; --block: #f47067; --accent: #39c5cf;
}
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme="light"])) {
    color: #e6edf3;
    --fg: #e6edf3; --bg: #1c2128; --border: #444c56; --muted: #adbac7;
    --send: #57ab5a; --revise: #daaa3f; --block: #f47067; --accent: #39c5cf;
  }
}
* { box-sizing: border-box; }
.banner { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--fg); text-align: left; background: var(--bg); border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 6px; padding: 6px 8px; max-height: 260px; overflow: auto; }
.banner[data-verdict="send"] { border-left-color: var(--send); }
.banner[data-verdict="revise"] { border-left-color: var(--revise); }
.banner[data-verdict="block"] { border-left-color: var(--block); }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.mark { font-weight: 700; color: var(--accent); border: 1px solid currentColor; border-radius: 4px; padding: 0 4px; font-size: 11px; }
.verdict { font-weight: 600; }
.banner[data-verdict="send"] .verdict { color: var(--send); }
.banner[data-verdict="revise"] .verdict { color: var(--revise); }
.banner[data-verdict="block"] .verdict { color: var(--block); }
.score { color: var(--muted); font-variant-numeric: tabular-nums; }
.status { flex: 1 1 auto; min-width: 8em; }
.summary { color: var(--muted); }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--border); border-radius: 4px; padding: 1px 8px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.dismiss { border-color: transparent; font-size: 16px; line-height: 1; padding: 0 6px; }
.deal { margin-top: 4px; }
.deal.wait span, .deal.stop span { color: var(--block); }
.deal.act span { color: var(--send); }
.findings { list-style: none; margin: 4px 0 0; padding: 0; }
.finding { padding: 3px 0; border-top: 1px solid var(--border); }
.finding:first-child { border-top: 0; }
.severity { font-size: 11px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.finding.error .severity { color: var(--block); }
.finding.warning .severity { color: var(--revise); }
.suggestion { margin-top: 1px; }
.why { color: var(--muted); font-size: 12px; }
`;
