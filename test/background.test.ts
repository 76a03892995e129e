import { describe, expect, it } from 'vitest';
import { handleMessage } from '../src/background/messages.ts';

describe('background message handling', () => {
  it('scores a draft sent by the page', () => {
    const reply = handleMessage({ type: 'score-draft', draft: { body: 'Just checking in. Any update?', to: ['dana@x.com'] } });
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.value.verdict).toBe('revise');
      expect(reply.value.findings.some((f) => f.rule === 'empty-checkin')).toBe(true);
    }
  });

  it.each([
    [null, /message/],
    [{ type: 'score-draft' }, /draft/],
    [{ type: 'score-draft', draft: { body: 42 } }, /draft\.body/],
    [{ type: 'delete-everything' }, /type/],
    [{ type: 'score-draft', draft: { body: 'x'.repeat(2_000_001) } }, /draft\.body/],
  ])('rejects a malformed message with a clear error: %j', (msg, where) => {
    const reply = handleMessage(msg);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(where);
  });
});
