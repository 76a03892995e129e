/** Helpers every bench section shares: timing, statistics, formatting, child processes. */
import { spawn } from 'node:child_process';
import { cpus, platform, arch } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What index.ts hands each section. */
export interface BenchContext {
  /** Progress for the person watching; goes to stderr so stdout stays the report. */
  log(message: string): void;
}

/** One part of the report: scorer, advisor, store, content script… */
export interface Section {
  /** Short name, for `--only NAME` and progress lines. */
  name: string;
  /** Runs the measurements and returns the section's markdown. */
  run(ctx: BenchContext): Promise<string>;
}

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const KB = 1024;

/** Keeps results alive so no engine can skip the work being timed. */
let sink = 0;
export function consume(x: number): void {
  sink = (sink + x) | 0;
}
export function sinkValue(): number {
  return sink;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Times `fn` once per run (after `warmup` untimed calls); returns every run in ms. */
export function timeRuns(fn: () => number, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) consume(fn());
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = fn();
    out.push(performance.now() - t);
    consume(r);
  }
  return out;
}

export function environment(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() || 'unknown CPU';
  return `Node ${process.version}, ${model} (${cpu.length} cores), ${platform()} ${arch()}`;
}

/** Numbers for tables: few significant digits, thousands separated. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - mag);
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A count: whole number, thousands separated. */
export function int(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–';
}

export function ms(x: number): string {
  return `${num(x)} ms`;
}

/** A size: up to 3 significant digits, no trailing zeros ("1 KB", "201 KB", "3.1 KB"). */
export function kb(bytes: number): string {
  const [v, unit] = bytes >= KB * KB ? [bytes / KB / KB, 'MB'] : [bytes / KB, 'KB'];
  return `${Number(v.toPrecision(3)).toLocaleString('en-US')} ${unit}`;
}

export function duration(msTotal: number): string {
  const s = msTotal / 1000;
  if (s < 60) return `${num(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function table(head: string[], align: Array<'l' | 'r'>, rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export interface ChildLine {
  [key: string]: unknown;
}

export interface ChildRun {
  lines: ChildLine[];
  /** True when the child was killed: the whole run, or the last line's silence, ran over its time limit. */
  timedOut: boolean;
  code: number | null;
  stderr: string;
  wallMs: number;
}

/**
 * Runs a bench/ script in a fresh Node process (tsx as the loader), reading one JSON
 * object per stdout line. The child is killed (by its pid, SIGKILL) when `lineTimeoutMs`
 * passes without a new line, so a runaway computation cannot hang the bench.
 */
export function runChild(script: string, args: string[], lineTimeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: ChildLine[] = [];
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, lineTimeoutMs);
    };
    arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      let nl = stdout.indexOf('\n');
      while (nl !== -1) {
        const line = stdout.slice(0, nl).trim();
        stdout = stdout.slice(nl + 1);
        if (line) {
          try {
            lines.push(JSON.parse(line) as ChildLine);
          } catch {
            stderr += `unparsed stdout: ${line}\n`;
          }
          arm();
        }
        nl = stdout.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ lines, timedOut, code, stderr, wallMs: performance.now() - t0 });
    });
  });
}

/** A one-line reason a child failed: its error message if it printed one, else its exit status. */
export function childError(run: ChildRun): string {
  const lines = run.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.find((l) => !/^(?:at |Node\.js v|npm warn)/.test(l)) ?? `exit ${run.code}`;
}
