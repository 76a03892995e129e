import { describe, expect, it } from 'vitest';
import { scoreDraft } from '../../src/index.ts';

describe('do-not-contact', () => {
  it('blocks any draft when the deal is do-not-contact', () => {
    const r = scoreDraft({ body: 'Hi Dana, here is the benchmark. Would Tuesday work?', context: { doNotContact: true } });
    expect(r.verdict).toBe('block');
    expect(r.score).toBe(0);
    expect(r.findings.find((f) => f.rule === 'do-not-contact')?.severity).toBe('error');
  });

  it.each([
    'Please remove me from your list.',
    'Not interested. Stop emailing me.',
    'Take me off your mailing list.',
    'Do not contact me again.',
    'Unsubscribe',
    'Kindly remove my email from your database. Thanks.',
    'Please stop sending me these. Not interested.',
    "We've moved to another provider. Please cancel our account and don't reach out again.",
  ])('blocks a reply to a thread where they wrote %j', (request) => {
    const body = `Hi Dana, one more idea for you.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Dana Reyes <dana@northwind-freight.com> wrote:\n> ${request}\n`;
    const r = scoreDraft({ body, to: ['dana@northwind-freight.com'] });
    expect(r.verdict).toBe('block');
    const f = r.findings.find((x) => x.rule === 'do-not-contact')!;
    expect(f.end).toBeGreaterThan(f.start);
    expect(request.toLowerCase()).toContain(body.slice(f.start, f.end).toLowerCase().split(' ')[0]!);
  });

  it('finds the request in Gmail and Outlook HTML quotes', () => {
    const gmail = '<div dir="ltr">Hi Dana</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Nov 2, 2026 Dana &lt;dana@x.com&gt; wrote:</div><blockquote class="gmail_quote">Please remove me from your list.</blockquote></div>';
    const outlook = '<div class="elementToProof">Hi Dana</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Dana<br><b>Sent:</b> Monday</div><div>Not interested. Stop emailing me.</div>';
    expect(scoreDraft({ body: gmail }).verdict).toBe('block');
    expect(scoreDraft({ body: outlook }).verdict).toBe('block');
  });

  it.each([
    "If this isn't a fit, just tell me and I'll stop reaching out.",
    'Please remove me from the cc, and add Priya instead.',
    "We're not interested in the add-on, but the core plan works.",
    'FYI the unsubscribe links in your newsletter are broken.',
  ])('does not block on the look-alike %j', (quoted) => {
    const body = `Thanks, noted.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Someone <a@b.com> wrote:\n> ${quoted}\n`;
    expect(scoreDraft({ body }).verdict).not.toBe('block');
  });

  it('blocks a draft whose own words admit they asked to stop', () => {
    const r = scoreDraft('Hi Sunita, I know you asked me to stop emailing back in March, but a lot has changed. Would Tuesday work?');
    expect(r.verdict).toBe('block');
  });

  it('does not take a one-word line inside a sentence for a stop request', () => {
    const body = 'Thanks.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Dana <dana@x.com> wrote:\n> Please stop the trial auto-renewal and remove the second seat.\n';
    expect(scoreDraft({ body }).verdict).not.toBe('block');
  });

  it('does not block on the writer’s own words', () => {
    expect(scoreDraft('Not interested? Just say so and I will stop emailing you.').verdict).not.toBe('block');
  });

  it.each([
    'Mr. Braun,\nplease, do not write me anymore.',
    'Bitte schreiben Sie mir nicht mehr.',
    'Merci de ne plus me contacter.',
    'Por favor, no me escriba más.',
  ])('reads a request to stop in the quoted thread, in other words and languages: %j', (quotedText) => {
    const body = `Hi, any news on the catalogue?\n\nOn Tue, 6 May 2025 at 08:20, T. K <t.k@example.pl> wrote:\n${quotedText.split('\n').map((l) => `> ${l}`).join('\n')}`;
    expect(scoreDraft({ body }).verdict).toBe('block');
  });

  it('does not take a bare "kein Interesse" for a request to stop', () => {
    const body = 'Hi, a new white paper is attached.\n\nOn Tue, 6 May 2025 at 08:20, T. K <t.k@example.de> wrote:\n> Kein Interesse im Moment.';
    expect(scoreDraft({ body }).verdict).not.toBe('block');
  });
});
