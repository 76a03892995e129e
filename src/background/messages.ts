/** Message handlers: validate, act, reply. Pure of browser APIs, so tests call them directly. */
import { scoreDraft } from '../rules/index.ts';
import { Message, type Reply } from '../shared/messages.ts';
import type { ScoreResult } from '../rules/types.ts';

export function handleMessage(raw: unknown): Reply<ScoreResult> {
  const parsed = Message.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Touchwise could not read that request (${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}).` };
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'score-draft':
      try {
        return { ok: true, value: scoreDraft(msg.draft) };
      } catch (e) {
        return { ok: false, error: `Touchwise could not score this draft: ${(e as Error).message}` };
      }
  }
}
