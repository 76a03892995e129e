/**
 * The scorer section: throughput on the labelled corpus (against write-good), time
 * against draft size, write-good on the issue's 200 KB paste (in a child process with
 * a hard timeout), and pathological inputs that would trip a backtracking regex.
 *
 * Every large input is first scored once in a child process with a time limit, so a
 * regression (a quadratic loop, a backtracking regex) shows up as a flagged row
 * instead of a bench that never ends; only then is it timed in this process.
 */
import writeGood from 'write-good';
import type { DraftContext, DraftInput } from '../src/index.ts';
import { touchwise } from './touchwise.ts';

const { RULE_IDS, htmlToText, looksLikeHtml, makeDraft, scoreDraft } = touchwise;
import { loadCorpus } from '../test/support/corpus.ts';
import { PASTE_UNIT, PATHOLOGICAL, gmailBody, namedInput, repeatTo } from './inputs.ts';
import { KB, childError, consume, duration, int, kb, median, ms, num, runChild, table, timeRuns, type BenchContext, type ChildLine, type Section } from './lib.ts';

/** Throughput: rounds per tool, the least time one round lasts, and the warm-up per tool. */
const ROUNDS = 9;
const ROUND_MS = 300;
const WARMUP_MS = 1000;

/** Time against size: plain corpus text at these sizes; runs (for the median) and untimed warm-up calls. */
const SIZES: Array<{ bytes: number; runs: number; warmup: number }> = [
  { bytes: 1 * KB, runs: 400, warmup: 50 },
  { bytes: 10 * KB, runs: 200, warmup: 20 },
  { bytes: 100 * KB, runs: 40, warmup: 5 },
  { bytes: 1024 * KB, runs: 10, warmup: 2 },
];
const BIG = 200 * KB;
const BIG_RUNS = 20;
const PASTE_TARGET_MS = 50;

/** write-good in a child process: sizes of the paste, and the hard limit per size. */
const WG_SIZES = [10 * KB, 50 * KB, 200 * KB];
const WG_TIMEOUT_MS = 120_000;

/** The child's limit per input; the most one input's in-process runs may take (from the child's time); runs per pathological input; what counts as slow. */
const PROBE_TIMEOUT_MS = 10_000;
const IN_PROCESS_BUDGET_MS = 30_000;
const PATHO_RUNS = 5;
const SLOW_MS = 100;

interface Case {
  id: string;
  chars: number;
  label: string;
  runs: number;
  warmup: number;
}
const specOf = (c: Case) => `${c.id}@${c.chars}`;

interface Measurement {
  median: number;
  max: number;
  runs: number;
  findings: number;
  bytes: number;
  words: number;
  ownWords: number;
}

type Outcome = { measured: Measurement } | { skipped: string };

/** Median (and slowest) of `runs` timed scoreDraft calls, plus how much of the text the rules read. */
function measure(text: string, runs: number, warmup: number): Measurement {
  const times = timeRuns(() => scoreDraft(text).findings.length, runs, warmup);
  const visible = looksLikeHtml(text) ? htmlToText(text).text : text;
  return {
    median: median(times),
    max: Math.max(...times),
    runs,
    findings: scoreDraft(text).findings.length,
    bytes: Buffer.byteLength(text),
    words: visible.split(/\s+/).filter(Boolean).length,
    ownWords: makeDraft({ body: text }).wordCount,
  };
}

/** One round: whole passes over the corpus until at least `minMs` has passed; drafts per second. */
function round(pass: () => number, drafts: number, minMs: number): number {
  let passes = 0;
  const t = performance.now();
  let elapsed: number;
  do {
    consume(pass());
    passes++;
    elapsed = performance.now() - t;
  } while (elapsed < minMs);
  return (passes * drafts) / (elapsed / 1000);
}

/** Scores each case once in a child process (restarted after an input runs over its limit). */
async function probe(cases: Case[]): Promise<{ results: Map<string, { ms: number } | { failed: string }>; cold?: ChildLine }> {
  const results = new Map<string, { ms: number } | { failed: string }>();
  let cold: ChildLine | undefined;
  let pending = cases.map(specOf);
  while (pending.length) {
    const run = await runChild('./worker.ts', ['touchwise', ...pending], PROBE_TIMEOUT_MS);
    cold ??= run.lines.find((l) => l.cold);
    for (const l of run.lines) if (typeof l.spec === 'string') results.set(l.spec, { ms: Number(l.ms) });
    const rest = pending.filter((s) => !results.has(s));
    if (!rest.length) break;
    // The first unfinished input is the one that ran over (or crashed the child).
    const why = run.timedOut ? `> ${PROBE_TIMEOUT_MS / 1000} s (stopped)` : `failed: ${childError(run)}`;
    results.set(rest[0]!, { failed: why });
    pending = rest.slice(1);
  }
  return { results, cold };
}

export const scorerSection: Section = {
  name: 'scorer',
  async run(ctx: BenchContext): Promise<string> {
    const corpus = loadCorpus();

    // 1. Throughput on the corpus, against write-good.
    ctx.log(`scorer: throughput on ${corpus.length} corpus drafts (${ROUNDS} rounds of ≥ ${ROUND_MS} ms per tool, after ≥ ${WARMUP_MS} ms warm-up)`);
    const twInputs: DraftInput[] = corpus.map((d) => {
      // As test/support/corpus.ts score() does.
      const context: DraftContext = { ...d.context };
      if (d.company) context.company = d.company;
      return { body: d.body, subject: d.subject, to: d.to, context };
    });
    const htmlCount = corpus.filter((d) => looksLikeHtml(d.body)).length;
    const wgTexts = corpus.map((d) => (looksLikeHtml(d.body) ? htmlToText(d.body).text : d.body));
    const corpusBytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.body), 0);
    const twPass = () => {
      let s = 0;
      for (const input of twInputs) s += scoreDraft(input).score;
      return s;
    };
    const wgPass = () => {
      let s = 0;
      for (const text of wgTexts) s += writeGood(text).length;
      return s;
    };
    round(twPass, corpus.length, WARMUP_MS);
    round(wgPass, corpus.length, WARMUP_MS);
    const twRates: number[] = [];
    const wgRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Interleaved, so drift (heat, other load) falls on both tools alike.
      twRates.push(round(twPass, corpus.length, ROUND_MS));
      wgRates.push(round(wgPass, corpus.length, ROUND_MS));
    }
    const tw = median(twRates);
    const wg = median(wgRates);
    // The ratio of each pair of rounds run back to back: the machine's speed swings by up to 2×
    // within minutes, and falls alike on two rounds a second apart, not on rounds minutes apart.
    const pairRatios = twRates.map((rate, r) => rate / wgRates[r]!);
    const ratio = median(pairRatios);

    // 2 and 4. Inputs at size, and pathological inputs: each once in a child, then timed here.
    const gmail = gmailBody(corpus, false);
    const reply = gmailBody(corpus, true);
    const sizeCases: Case[] = [
      ...SIZES.map((s) => ({ id: 'corpus', chars: s.bytes, label: 'corpus plain text', runs: s.runs, warmup: s.warmup })),
      { id: 'paste', chars: BIG, label: `"${PASTE_UNIT.trim()} " repeated (the issue's paste)`, runs: BIG_RUNS, warmup: 3 },
      { id: 'gmail-markup', chars: BIG, label: 'corpus plain text in Gmail composer markup (a `<div>` per line)', runs: BIG_RUNS, warmup: 3 },
      { id: 'gmail-body', chars: BIG, label: `Gmail composer HTML, no quoted history (\`${gmail.id}\`, ${kb(Buffer.byteLength(gmail.body))}, repeated)`, runs: BIG_RUNS, warmup: 3 },
      { id: 'gmail-reply', chars: BIG, label: `Gmail reply with quoted history (\`${reply.id}\`, ${kb(Buffer.byteLength(reply.body))}, repeated)`, runs: BIG_RUNS, warmup: 3 },
    ];
    const plainBase: Case = { id: 'corpus', chars: BIG, label: 'corpus plain text (baseline)', runs: BIG_RUNS, warmup: 3 };
    const pathoCases: Case[] = PATHOLOGICAL.map((p) => ({ id: p.id, chars: BIG, label: p.label, runs: PATHO_RUNS, warmup: 1 }));
    const all = [...sizeCases, plainBase, ...pathoCases];
    ctx.log(`scorer: ${all.length} inputs once each in a child process (${PROBE_TIMEOUT_MS / 1000} s limit each)`);
    const probed = await probe(all);
    const outcomes = new Map<Case, Outcome>();
    for (const c of all) {
      const p = probed.results.get(specOf(c));
      if (!p || 'failed' in p) {
        outcomes.set(c, { skipped: p?.failed ?? 'no result from the child' });
      } else if (p.ms * (c.runs + c.warmup) > IN_PROCESS_BUDGET_MS) {
        outcomes.set(c, { skipped: `${ms(p.ms)} (one run in the child; ${c.runs} more would take too long)` });
      } else {
        const m = measure(namedInput(c.id, c.chars), c.runs, c.warmup);
        outcomes.set(c, { measured: m });
        ctx.log(`  ${c.label}, ${kb(m.bytes)}: median ${ms(m.median)} of ${m.runs} (child, one run: ${ms(p.ms)})`);
        continue;
      }
      ctx.log(`  ${c.label}, ${kb(c.chars)}: SKIPPED: ${(outcomes.get(c) as { skipped: string }).skipped}`);
    }
    const got = (c: Case) => {
      const o = outcomes.get(c);
      return o && 'measured' in o ? o.measured : undefined;
    };
    const whyNot = (c: Case) => {
      const o = outcomes.get(c);
      return o && 'skipped' in o ? `**${o.skipped}**` : '–';
    };

    // 3. write-good on the paste, in a child process with a hard limit; Touchwise on the same text here.
    ctx.log(`scorer: write-good on the paste at ${WG_SIZES.map(kb).join(', ')} in a child process (${WG_TIMEOUT_MS / 1000} s limit each; this is the slow part)`);
    const pasteCase = sizeCases.find((c) => c.id === 'paste')!;
    const wgRows: string[][] = [];
    let stoppedAt: number | undefined;
    const wgTimes: Array<{ bytes: number; ms: number }> = [];
    for (const bytes of WG_SIZES) {
      const twM = bytes === BIG ? got(pasteCase) : got(pasteCase) && measure(repeatTo(PASTE_UNIT, bytes), 50, 5);
      const twCell = twM ? ms(twM.median) : whyNot(pasteCase);
      if (stoppedAt !== undefined) {
        wgRows.push([kb(bytes), `not run (${kb(stoppedAt)} already ran over ${WG_TIMEOUT_MS / 1000} s)`, '–', twCell, '–']);
        continue;
      }
      ctx.log(`  write-good, ${kb(bytes)}…`);
      const run = await runChild('./worker.ts', ['write-good', 'paste', String(bytes)], WG_TIMEOUT_MS);
      const l = run.lines.find((x) => x.tool === 'write-good');
      if (l) {
        const t = Number(l.medianMs);
        const runs = Number(l.runs);
        wgTimes.push({ bytes, ms: t });
        wgRows.push([kb(bytes), runs > 1 ? `${ms(t)} (median of ${runs})` : duration(t), int(Number(l.suggestions)), twCell, twM ? `${num(t / twM.median)}×` : '–']);
      } else if (run.timedOut) {
        stoppedAt = bytes;
        wgRows.push([kb(bytes), `**> ${WG_TIMEOUT_MS / 1000} s (stopped)**`, '–', twCell, twM ? `> ${num(WG_TIMEOUT_MS / twM.median)}×` : '–']);
      } else {
        wgRows.push([kb(bytes), `failed: ${childError(run)}`, '–', twCell, '–']);
      }
    }

    // The report.
    const out: string[] = [];
    const rateRow = (name: string, checks: string, rates: number[], rate: number) => [name, checks, num(rate), `${num(Math.min(...rates))}–${num(Math.max(...rates))}`, ms(1000 / rate)];
    out.push(
      '#### Scorer throughput on the labelled corpus',
      '',
      `${corpus.length} drafts (${htmlCount} of them Gmail/Outlook composer HTML), ${kb(corpusBytes)} in all, ${num(corpusBytes / corpus.length / KB)} KB on average. ` +
        `${ROUNDS} rounds per tool, interleaved, each at least one whole pass over the corpus and at least ${ROUND_MS} ms, after at least ${WARMUP_MS} ms of warm-up.`,
      '',
      table(
        ['', 'checks', 'drafts/s (median)', 'slowest–fastest round', 'per draft'],
        ['l', 'l', 'r', 'r', 'r'],
        [
          rateRow('Touchwise `scoreDraft`', `${RULE_IDS.length} rules, with HTML normalisation and quote/signature detection`, twRates, tw),
          rateRow('write-good 1.0.8', 'prose style only', wgRates, wg),
        ],
      ),
      '',
      (ratio >= 1
        ? `Touchwise scores **${num(ratio)}×** as many drafts per second as write-good checks`
        : `write-good checks **${num(1 / ratio)}×** as many drafts per second as Touchwise scores (Touchwise runs at ${num(ratio)}× write-good's rate)`) +
        ` (median over the ${ROUNDS} pairs of rounds run back to back; pairs ${num(Math.min(...pairRatios))}× to ${num(Math.max(...pairRatios))}×).`,
      `Not like for like: Touchwise checks ${RULE_IDS.length} rules over subject, recipients and body, including HTML normalisation of composer bodies and quote/signature detection; ` +
        'write-good checks prose style only (weasel words, passive voice, adverbs, clichés, wordiness), and is handed the visible text of HTML bodies ' +
        '(extracted with `htmlToText` before timing, so it is not charged for markup). Touchwise gets the raw body, as the extension does.',
      '',
    );

    const sizeRows = sizeCases.map((c) => {
      const m = got(c);
      if (!m) return [c.label, kb(c.chars), '–', whyNot(c), '–', '–', '–', '–'];
      return [c.label, kb(m.bytes), int(m.runs), ms(m.median), num((m.median * 1000) / (m.bytes / KB)), int(m.words), int(m.ownWords), int(m.findings)];
    });
    const plain = sizeCases.filter((c) => c.id === 'corpus').map((c) => ({ c, m: got(c) }));
    const first = plain[0]!;
    const last = plain[plain.length - 1]!;
    const perKb = plain.filter((p) => p.m && p.c.chars >= 10 * KB).map((p) => (p.m!.median * 1000) / (p.m!.bytes / KB));
    const paste = got(pasteCase);
    const cold = probed.cold;
    out.push(
      '#### Scorer time against draft size',
      '',
      'Plain text is corpus bodies with no quoted history and no `-- ` signature delimiter, one after another (so every word but the last sign-off block is the writer’s own and is scored); ' +
        'the last body is cut to the exact size. The Gmail rows are composer HTML: that text with a `<div>` per line, or whole copies of one Gmail body from the corpus ' +
        '(a repeated body keeps only its first copy as the writer’s words: the rest follows a signature or sits in quoted history). ' +
        '"words" counts the visible text; "own words scored" is what the rules read once quoted history and signatures are set aside. ' +
        'Median of the runs shown, after untimed warm-up calls; in-process, warm.',
      '',
      table(['input', 'size', 'runs', 'median', 'µs per KB', 'words', 'own words scored', 'findings'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], sizeRows),
      '',
      first.m && last.m
        ? `From ${kb(first.m.bytes)} to ${kb(last.m.bytes)} (×${num(last.m.bytes / first.m.bytes, 4)} in size) the median time grows ×${num(last.m.median / first.m.median)}; ` +
            `from 10 KB up, time per KB stays between ${num(Math.min(...perKb))} and ${num(Math.max(...perKb))} µs (the same figure at every size would be exactly linear).`
        : '**Linearity: not measured (an input was skipped, see the table).**',
      paste
        ? `The issue's target, a ${kb(BIG)} paste in under ${PASTE_TARGET_MS} ms: ${ms(paste.median)}, ${paste.median < PASTE_TARGET_MS ? 'met' : '**not met**'}.`
        : `The issue's target, a ${kb(BIG)} paste in under ${PASTE_TARGET_MS} ms: **not met** (${whyNot(pasteCase)}).`,
      cold
        ? `Cold start (a fresh process, as after the extension's service worker restarts): importing the scorer ${ms(Number(cold.importMs))} ` +
            `(the built bundle, as the extension's worker loads it), the first \`scoreDraft\` call on a short draft ${ms(Number(cold.firstCallMs))}.`
        : 'Cold start: not measured (the child process gave no result).',
      '',
      `#### write-good on the ${kb(BIG)} "${PASTE_UNIT.trim()}" paste`,
      '',
      `Each size in a fresh child process with a hard limit of ${WG_TIMEOUT_MS / 1000} s; one run, or the median of 5 when one takes under a second. ` +
        'Touchwise on the same text: median in-process, warm.',
      '',
      table(['paste size', 'write-good', 'write-good suggestions', 'Touchwise', 'write-good ÷ Touchwise'], ['r', 'r', 'r', 'r', 'r'], wgRows),
      '',
      wgTimes.length >= 2
        ? `write-good from ${kb(wgTimes[0]!.bytes)} to ${kb(wgTimes[wgTimes.length - 1]!.bytes)} (×${num(wgTimes[wgTimes.length - 1]!.bytes / wgTimes[0]!.bytes, 2)} in size): ` +
            `×${num(wgTimes[wgTimes.length - 1]!.ms / wgTimes[0]!.ms)} in time${stoppedAt !== undefined ? `; at ${kb(stoppedAt)} it was stopped` : ''}.`
        : stoppedAt !== undefined
          ? `write-good was stopped at ${kb(stoppedAt)}.`
          : '',
      '',
    );

    const base = got(plainBase);
    const markup = got(sizeCases.find((c) => c.id === 'gmail-markup')!);
    const times = (m: Measurement) => (base ? num(m.median / base.median, 2) : '–');
    const pathoRows: string[][] = [];
    if (base) pathoRows.push([plainBase.label, 'text', ms(base.median), ms(base.max), '1.0', int(base.findings), 'baseline']);
    if (markup) pathoRows.push(['corpus plain text in Gmail composer markup (baseline)', 'HTML', ms(markup.median), ms(markup.max), times(markup), int(markup.findings), 'baseline']);
    const slow: string[] = [];
    for (const c of pathoCases) {
      const kind = looksLikeHtml(namedInput(c.id, c.chars)) ? 'HTML' : 'text';
      const m = got(c);
      if (!m) {
        pathoRows.push([c.label, kind, whyNot(c), '–', '–', '–', '**SLOW**']);
        slow.push(`${c.label}: ${whyNot(c)}`);
        continue;
      }
      const bad = m.median > SLOW_MS;
      if (bad) slow.push(`${c.label}: ${ms(m.median)}`);
      pathoRows.push([c.label, kind, ms(m.median), ms(m.max), times(m), int(m.findings), bad ? `**SLOW (> ${SLOW_MS} ms)**` : 'ok']);
    }
    const slowSizes = sizeCases.filter((c) => !got(c)).map((c) => `${c.label} at ${kb(c.chars)}: ${whyNot(c)}`);
    out.push(
      `#### Pathological inputs (${kb(BIG)} each)`,
      '',
      `Built to trip a backtracking regular expression or a quadratic loop. Each is first scored once in a child process with a ${PROBE_TIMEOUT_MS / 1000} s limit, ` +
        `then ${PATHO_RUNS} times in-process after one warm-up call. "Parsed as" is how \`scoreDraft\` reads the body (\`looksLikeHtml\`).`,
      '',
      table(['input', 'parsed as', 'median', 'slowest run', '× plain text', 'findings', ''], ['l', 'l', 'r', 'r', 'r', 'r', 'l'], pathoRows),
      '',
      slow.length ? `**Over ${SLOW_MS} ms:** ${slow.join('; ')}.` : `Every pathological input ran in under ${SLOW_MS} ms.`,
      ...(slowSizes.length ? ['', `**Skipped at size:** ${slowSizes.join('; ')}.`] : []),
    );
    return out.join('\n');
  },
};
