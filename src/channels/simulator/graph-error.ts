import { newTraceId } from './ids.js';
import type { ChatError } from './types.js';

/** Titles as Meta words them (WHATSAPP.md §6); apps must branch on the code, never on these. */
const TITLES: Record<number, string> = {
  0: 'AuthException',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  368: 'Temporarily blocked for policies violations',
  130429: 'Rate limit hit',
  130472: "User's number is part of an experiment",
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131021: 'Recipient cannot be sender',
  131026: 'Message undeliverable',
  131031: 'Business Account locked',
  131047: 'Re-engagement message',
  131048: 'Spam rate limit hit',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131050: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  131051: 'Unsupported message type',
  131052: 'Media download error',
  131053: 'Media upload error',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131057: 'Account in maintenance mode',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  133010: 'Account not registered',
};

const DEFAULT_DETAILS: Record<number, string> = {
  131026: 'Message Undeliverable.',
  131047: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  131056: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  130429: 'Message failed to send because there were too many messages sent from this phone number in a short period of time.',
};

const HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export const errorTitle = (code: number): string => TITLES[code] ?? 'Something went wrong';

export const defaultDetails = (code: number): string => DEFAULT_DETAILS[code] ?? errorTitle(code);

/** HTTP status of a synchronous error: 401 for token errors, 5xx for Meta's own failures, else 400. */
export const httpStatusOf = (code: number): number => {
  if (code === 190 || code === 0) return 401;
  if (code === 131000) return 500;
  if (code === 131016) return 503;
  return 400;
};

export interface GraphResult {
  status: number;
  body: unknown;
}

/** The synchronous error body of WHATSAPP.md §3.3 (`error_subcode` is gone since v16.0). */
export const graphError = (code: number, details: string = defaultDetails(code)): GraphResult => ({
  status: httpStatusOf(code),
  body: {
    error: {
      message: `(#${code}) ${errorTitle(code)}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: newTraceId(),
    },
  },
});

/** An error as carried in `statuses[].errors` and `messages[].errors` of webhooks. */
export const webhookError = (code: number, details: string = defaultDetails(code)) => ({
  code,
  title: errorTitle(code),
  message: errorTitle(code),
  error_data: { details },
  href: HREF,
});

export const chatError = (code: number, details: string = defaultDetails(code)): ChatError => ({
  code,
  title: errorTitle(code),
  details,
});
