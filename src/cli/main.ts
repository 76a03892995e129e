/**
 * The `touchwise` command line. Contract (other tools rely on it):
 *
 *   touchwise score [--json] [--subject S] [--to EMAIL]... [--company NAME] [FILE | -]
 *   touchwise score --jsonl FILE
 *
 * Exit 0 when every draft is `send`, 1 when any is `revise` or `block`, 2 on bad input.
 * In JSON modes nothing but JSON goes to stdout.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RULES, scoreDraft } from '../rules/index.ts';
import type { DraftInput, ScoreResult } from '../rules/types.ts';
import { formatReport } from './report.ts';
import { advise } from '../advice/index.ts';
import { AdviseInputSchema } from '../shared/records.ts';
import { DraftContextSchema } from '../shared/messages.ts';
import { formatAdvice } from './advice-report.ts';

export class UsageError extends Error {}

const USAGE = `Usage:
  touchwise score [--json] [--subject S] [--to EMAIL]... [--company NAME] [--live | --silence] [FILE | -]
  touchwise score --jsonl FILE
  touchwise advise FILE.json [--now ISO] [--json]
  touchwise rules

score   Scores a sales follow-up draft (plain text or composer HTML) against the Touchwise
        value rules. Reads standard input when FILE is "-" or absent. Exit status: 0 when
        every draft is "send", 1 when any is "revise" or "block", 2 on bad input.
advise  Reads a deal with its touches and commitments and says whether to act or wait,
        and why. Exit status 0, or 2 on bad input.`;

const JsonlLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  subject: z.string().optional(),
  body: z.string(),
  to: z.union([z.string(), z.array(z.string())]).optional().transform((t) => (t === undefined ? undefined : Array.isArray(t) ? t : [t])),
  company: z.string().optional(),
  context: DraftContextSchema.optional(),
});

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
  readStdin: () => string;
  color: boolean;
}

/** zod's issues in plain words: which field, and what is wrong with it. */
export function describeZodError(err: z.ZodError, raw: unknown): string {
  return err.issues
    .map((i) => {
      const where = i.path.length ? `"${i.path.join('.')}"` : 'the line';
      let value: unknown = raw;
      for (const key of i.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      if (i.path.length && value === undefined) return `${where} is missing`;
      return `${where}: ${i.message.replace(/^Invalid input: /, '')}`;
    })
    .join('; ');
}

interface ScoreArgs {
  json: boolean;
  jsonl?: string;
  subject?: string;
  to: string[];
  company?: string;
  exchange?: 'live' | 'silence';
  file?: string;
}

function parseScoreArgs(argv: string[]): ScoreArgs {
  const args: ScoreArgs = { json: false, to: [] };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = /^(--[a-z]+)=(.*)$/s.exec(a);
    const flag = eq ? eq[1]! : a;
    const inline = eq ? eq[2]! : undefined;
    const take = () => (inline !== undefined ? inline : value(i++, flag));
    switch (flag) {
      case '--json': args.json = true; break;
      case '--jsonl': args.jsonl = take(); break;
      case '--subject': args.subject = take(); break;
      case '--to': args.to.push(take()); break;
      case '--company': args.company = take(); break;
      case '--live': args.exchange = 'live'; break;
      case '--silence': args.exchange = 'silence'; break;
      default:
        if (a !== '-' && a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (args.file !== undefined) throw new UsageError(`one input at a time (got ${args.file} and ${a})`);
        args.file = a;
    }
  }
  if (args.jsonl !== undefined && args.file !== undefined) throw new UsageError('--jsonl takes its own FILE; give no other input');
  return args;
}

function read(io: Io, file: string | undefined): string {
  if (file === undefined || file === '-') return io.readStdin();
  try {
    return io.readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function exitFor(results: ScoreResult[]): number {
  return results.every((r) => r.verdict === 'send') ? 0 : 1;
}

function runScore(argv: string[], io: Io): number {
  const args = parseScoreArgs(argv);
  if (args.jsonl !== undefined) {
    const text = read(io, args.jsonl);
    const inputs: Array<{ id: string; input: DraftInput }> = [];
    // Validate every line before printing anything: bad input prints no partial output.
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        throw new UsageError(`${args.jsonl} line ${i + 1}: not valid JSON (${(e as Error).message})`);
      }
      const parsed = JsonlLine.safeParse(raw);
      if (!parsed.success) throw new UsageError(`${args.jsonl} line ${i + 1}: ${describeZodError(parsed.error, raw)}`);
      const { id, subject, body, to, company, context } = parsed.data;
      const ctx = { ...context, ...(company !== undefined ? { company } : {}) };
      inputs.push({ id, input: { body, subject, to, context: ctx } });
    });
    const results = inputs.map(({ id, input }) => ({ id, ...scoreDraft(input) }));
    for (const r of results) io.stdout(JSON.stringify(r) + '\n');
    return exitFor(results);
  }
  const body = read(io, args.file);
  const input: DraftInput = { body, subject: args.subject, to: args.to, context: {} };
  if (args.company !== undefined) input.context!.company = args.company;
  if (args.exchange) input.context!.exchange = args.exchange;
  const result = scoreDraft(input);
  io.stdout(args.json ? JSON.stringify(result, null, 2) + '\n' : formatReport(input, result, io.color));
  return exitFor([result]);
}

function runAdvise(argv: string[], io: Io): number {
  let file: string | undefined;
  let now: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--now' || a.startsWith('--now=')) {
      now = a.includes('=') ? a.slice(6) : argv[++i];
      if (!now) throw new UsageError('--now needs a value');
      if (Number.isNaN(Date.parse(now))) throw new UsageError(`--now: "${now}" is not a date and time (use ISO 8601, e.g. 2026-11-23T09:30:00Z)`);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (file !== undefined) throw new UsageError(`one deal file at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === undefined) throw new UsageError('advise needs a FILE.json');
  const text = read(io, file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = AdviseInputSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file}: ${describeZodError(parsed.error, raw)}`);
  const advice = advise(parsed.data, now ?? parsed.data.now ?? new Date().toISOString());
  io.stdout(json ? JSON.stringify(advice, null, 2) + '\n' : formatAdvice(parsed.data, advice, io.color));
  return 0;
}

/** Runs the CLI and returns its exit status; never throws. */
export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout)(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === 'score') return runScore(rest, io);
    if (command === 'advise') return runAdvise(rest, io);
    if (command === 'rules') {
      for (const r of RULES) io.stdout(`${r.id.padEnd(15)} ${r.title}: ${r.why} [seed ${r.seed}]\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      const specific = /line \d|\.json:|: not valid JSON|is not a date/.test(e.message);
      io.stderr(`touchwise: ${e.message}\n${specific ? '' : '\n' + USAGE + '\n'}`);
      return 2;
    }
    io.stderr(`touchwise: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

// Executed directly (the built dist/lib/cli.js, or tsx src/cli/main.ts).
const invokedAs = process.argv[1] ?? '';
if (/(?:cli\.js|main\.ts|touchwise)$/.test(invokedAs)) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: (p) => readFileSync(p, 'utf8'),
    readStdin: () => {
      try {
        return readFileSync(0, 'utf8');
      } catch {
        return '';
      }
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}
