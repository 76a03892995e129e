import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../src/cli/main.ts';
import { RULE_IDS } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/lib/cli.js');

function fakeIo(files: Record<string, string> = {}, stdin = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    readFile: (p: string) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p]!;
    },
    readStdin: () => stdin,
    color: false,
  };
  return io;
}

const GOOD =
  "Hi Dana, you mentioned dock delays at the Denver site. Attached is a one-page benchmark from a carrier your size: detention fees fell 18% in a quarter. Would Tuesday at 10 work for 20 minutes? If the timing is wrong, just tell me and I'll stop reaching out.";
const EMPTY = 'Hi Dana,\n\nJust checking in. Any update?\n\nThanks,\nMarc';

describe('touchwise score', () => {
  it('prints a readable report and exits 1 for a draft to revise', () => {
    const io = fakeIo({ 'd.txt': EMPTY });
    expect(run(['score', 'd.txt'], io)).toBe(1);
    expect(io.out).toMatch(/^REVISE\s+score \d+\/100/);
    expect(io.out).toContain('empty-checkin');
    expect(io.out).toContain('Just checking in');
    expect(io.out).not.toContain('\u001b['); // no colour when not a terminal
    expect(io.err).toBe('');
  });

  it('exits 0 for a draft to send, reading standard input', () => {
    const io = fakeIo({}, GOOD);
    expect(run(['score', '-', '--to', 'dana@northwind-freight.com'], io)).toBe(0);
    expect(io.out).toMatch(/^SEND/);
  });

  it('prints exactly the scorer output with --json, and nothing else', () => {
    const io = fakeIo({ 'd.txt': EMPTY });
    expect(run(['score', '--json', '--subject', 'Re: pilot', '--to', 'dana@x.com', '--company', 'Northwind', 'd.txt'], io)).toBe(1);
    const parsed = JSON.parse(io.out);
    expect(Object.keys(parsed).sort()).toEqual(['findings', 'score', 'verdict']);
    expect(parsed.verdict).toBe('revise');
    for (const f of parsed.findings) {
      expect(Object.keys(f).every((k) => ['rule', 'severity', 'message', 'suggestion', 'start', 'end'].includes(k))).toBe(true);
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(EMPTY.length);
    }
  });

  it('exits 1 and says block for a draft to a prospect who asked to stop', () => {
    const body = 'One more idea.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Dana <dana@x.com> wrote:\n> Please remove me from your list.\n';
    const io = fakeIo({ 'd.txt': body });
    expect(run(['score', '--json', 'd.txt'], io)).toBe(1);
    expect(JSON.parse(io.out).verdict).toBe('block');
  });

  it('scores JSON lines: one output line per input line, with its id', () => {
    const lines = [
      JSON.stringify({ id: 'a', body: EMPTY }),
      '',
      JSON.stringify({ id: 7, subject: 'Idea', body: GOOD, to: 'dana@northwind-freight.com', company: 'Northwind' }),
    ].join('\n');
    const io = fakeIo({ 'in.jsonl': lines });
    expect(run(['score', '--jsonl', 'in.jsonl'], io)).toBe(1);
    const out = io.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', '7']);
    expect(out.map((o) => o.verdict)).toEqual(['revise', 'send']);
  });

  it('exits 0 when every JSON line is send', () => {
    const io = fakeIo({ 'in.jsonl': JSON.stringify({ id: 'g', body: GOOD }) + '\n' });
    expect(run(['score', '--jsonl', 'in.jsonl'], io)).toBe(0);
  });

  it.each([
    ['{"id":"a","body":"x"}\nnot json\n', /line 2: not valid JSON/],
    ['{"id":"a"}\n', /line 1: "body" is missing/],
    ['{"id":"a","body":42}\n', /line 1: "body"/],
    ['{"body":"x"}\n', /line 1: "id" is missing/],
  ])('exits 2 on bad JSON lines, naming the line and the problem, and prints nothing to stdout', (input, message) => {
    const io = fakeIo({ 'in.jsonl': input });
    expect(run(['score', '--jsonl', 'in.jsonl'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(message);
  });

  it.each([
    [['score', 'missing.txt'], /cannot read missing.txt: no such file/],
    [['score', '--to'], /--to needs a value/],
    [['score', '--bogus', 'd.txt'], /unknown option --bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /Usage/],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const io = fakeIo({ 'd.txt': 'x' });
    expect(run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  it('lists the rules with their seeds', () => {
    const io = fakeIo();
    expect(run(['rules'], io)).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(RULE_IDS.length);
    expect(io.out).toContain('pacing');
    expect(io.out).toContain('seed 001');
  });
});

describe('the built package', () => {
  it('runs as `touchwise` with the exit codes of the contract', () => {
    const dir = mkdtempSync(join(tmpdir(), 'touchwise-cli-'));
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":1}\n');
    const ok = spawnSync(process.execPath, [cli, 'score', '--json', '-'], { input: GOOD, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).toBe('send');
    const revise = spawnSync(process.execPath, [cli, 'score', '-'], { input: EMPTY, encoding: 'utf8' });
    expect(revise.status).toBe(1);
    const bad = spawnSync(process.execPath, [cli, 'score', '--jsonl', join(dir, 'bad.jsonl')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/line 1/);
  });

  it("is importable as 'touchwise' from Node", () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', "import { scoreDraft } from 'touchwise'; console.log(scoreDraft('Just checking in.').verdict)"], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('revise');
  });
});

describe('touchwise advise', () => {
  const file = JSON.stringify({
    now: '2026-11-23T10:00:00Z',
    deal: { id: 'd1', name: 'Northwind pilot', contacts: ['dana@northwind-freight.com', 'lee@northwind-freight.com'], qualification: { money: true, authority: true, need: true } },
    touches: [
      { at: '2026-11-10T09:00:00Z', channel: 'email', direction: 'in', text: 'Sounds interesting.' },
      { at: '2026-11-20T09:00:00Z', channel: 'call', direction: 'out' },
    ],
  });

  it('prints exactly the contract with --json, using the file’s now', () => {
    const io = fakeIo({ 'deal.json': file });
    expect(run(['advise', 'deal.json', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(Object.keys(out).sort()).toEqual(['reasons', 'silenceDays', 'unansweredTouches', 'until', 'verdict']);
    expect(out).toMatchObject({ verdict: 'wait', until: '2026-11-25T00:00:00.000Z', silenceDays: 13, unansweredTouches: 1 });
    for (const r of out.reasons) expect(Object.keys(r).sort()).toEqual(['code', 'message', 'seed']);
  });

  it('lets --now override the file', () => {
    const io = fakeIo({ 'deal.json': file });
    expect(run(['advise', 'deal.json', '--json', '--now', '2026-11-27T10:00:00Z'], io)).toBe(0);
    expect(JSON.parse(io.out).verdict).toBe('act');
  });

  it('prints a readable verdict with its reasons and seeds', () => {
    const io = fakeIo({ 'deal.json': file });
    expect(run(['advise', 'deal.json'], io)).toBe(0);
    expect(io.out).toMatch(/^WAIT until 2026-11-25\s+Northwind pilot/);
    expect(io.out).toContain('seed 001');
  });

  it.each([
    [{ deal: { id: 'd', name: 'x', contacts: [] }, touches: [{ at: 'yesterday', channel: 'email', direction: 'out' }] }, /"touches\.0\.at": is not a date and time/],
    [{ deal: { id: 'd', name: 'x', contacts: [] }, touches: [{ at: '2026-11-01T00:00:00Z', channel: 'fax', direction: 'out' }] }, /"touches\.0\.channel"/],
    [{ deal: { id: 'd', contacts: [] }, touches: [] }, /"deal\.name" is missing/],
    [{ deal: { id: 'd', name: 'x', contacts: [] } }, /"touches" is missing/],
  ])('exits 2 on invalid input, saying where and why: %j', (input, message) => {
    const io = fakeIo({ 'deal.json': JSON.stringify(input) });
    expect(run(['advise', 'deal.json', '--json'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(message);
  });

  it('exits 2 on a file that is not JSON, or a bad --now', () => {
    const io = fakeIo({ 'deal.json': '{ nope' });
    expect(run(['advise', 'deal.json'], io)).toBe(2);
    expect(io.err).toMatch(/deal\.json: not valid JSON/);
    const io2 = fakeIo({ 'deal.json': file });
    expect(run(['advise', 'deal.json', '--now', 'soon'], io2)).toBe(2);
    expect(io2.err).toMatch(/--now: "soon" is not a date/);
  });
});
