import type { Reply } from '../../conversation/reply.js';
import { buttons, list, locationRequest, text } from './message-builders.js';
import type { OutboundMessage } from './outbound-message.js';

/** Renders what the bot says as WhatsApp messages, always within Meta's limits. */
export const renderReply = (reply: Reply): OutboundMessage[] => {
  switch (reply.kind) {
    case 'text':
      return text(reply.body);
    case 'buttons':
      return buttons(reply.body, reply.options, reply.footer);
    case 'list':
      return list(reply.body, reply.button, reply.options, reply.footer);
    case 'location_request':
      return locationRequest(reply.body);
  }
};
