import { readableText } from '../whatsapp-cloud/readable-message.js';
import type { OutboundChatMessage } from './types.js';

/** Everything a citizen can read in a bot message, one part per line. Handy in test predicates. */
export const outboundText = (message: OutboundChatMessage): string => readableText(message.message);
