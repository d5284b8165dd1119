import type { Outcome, Turn } from '../context.js';
import { stay } from '../outcome.js';
import type { ConversationState } from '../state.js';

const VERDICT = /^fb:(yes|no):(\d{4}-\d{6})$/;
const RATING = /^rate:(\d{4}-\d{6}):([1-5])$/;

/**
 * Answers to "was it solved?" and the 1–5 rating, tapped on a notice sent outside any dialogue (or on its template
 * outside the 24-hour window). The ids carry the protocol, so they are understood whatever the conversation is
 * doing, and the conversation stays where it was.
 */
export const feedbackStep = (state: ConversationState, turn: Turn): Outcome | undefined => {
  if (turn.content.type !== 'reply') return undefined;
  const verdict = VERDICT.exec(turn.content.id);
  if (verdict?.[2]) return stay(state, [], [{ kind: 'request_verdict', protocol: verdict[2], solved: verdict[1] === 'yes' }]);
  const rating = RATING.exec(turn.content.id);
  if (rating?.[1]) return stay(state, [], [{ kind: 'rate_request', protocol: rating[1], rating: Number(rating[2]) }]);
  return undefined;
};
