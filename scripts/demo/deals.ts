/**
 * The demo's deals, as the messages a webmail page would have sent the worker: one deal
 * per advice a rep meets most (a reply owed, a wait after unanswered touches, the
 * prospect's own clock, a request to stop). Dates are relative to `now`, so the demo
 * never goes stale.
 */
import type { Message } from '../../src/shared/messages.ts';

const DAY = 86_400_000;

export function demoMessages(now: Date = new Date()): Message[] {
  const ago = (days: number, hour = 10): string => {
    const d = new Date(now.getTime() - days * DAY);
    d.setHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const ahead = new Date(now.getTime() + 12 * DAY);
  const boardDay = ahead.getDate();
  const ordinal = boardDay % 10 === 1 && boardDay !== 11 ? 'st' : boardDay % 10 === 2 && boardDay !== 12 ? 'nd' : boardDay % 10 === 3 && boardDay !== 13 ? 'rd' : 'th';
  return [
    {
      type: 'record-thread',
      prospect: 'dana@northwind-freight.com',
      messages: [
        { at: ago(9), direction: 'out', text: 'Hi Dana, thanks for the call. I will put the lane-by-lane numbers together for your audit.' },
        { at: ago(2), direction: 'in', text: 'The audit wrapped up early. Can you send the lane-by-lane numbers and what a pilot would cost? Priya will join if we meet.' },
      ],
    },
    {
      type: 'record-thread',
      prospect: 'lee@harborlabs.io',
      messages: [
        { at: ago(4), direction: 'out', text: 'Hi Lee, here is the benchmark of detention fees for labs your size.' },
        { at: ago(1), direction: 'out', text: 'Lee, one more data point: the Denver site cut dock time by a third.' },
      ],
    },
    {
      type: 'record-thread',
      prospect: 'marcus@acmedental.com',
      messages: [
        { at: ago(6), direction: 'out', text: 'Marcus, attached is the proposal we discussed.' },
        { at: ago(3), direction: 'in', text: `Thanks. Nothing will move until after our board meeting on the ${boardDay}${ordinal}; I'll get back to you then.` },
      ],
    },
    {
      type: 'record-thread',
      prospect: 'jo@bluefin.example',
      messages: [
        { at: ago(20), direction: 'out', text: 'Jo, a quick idea for your onboarding emails.' },
        { at: ago(18), direction: 'in', text: 'Not interested. Please remove me from your list.' },
      ],
    },
  ];
}
