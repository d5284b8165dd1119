export type { HistoryEntry, InboxItem, InboxViewer } from './types.js';
export { canReassign, canSeeHandoff, seesEveryQueue } from './visibility.js';
export { isWindowOpen, listInbox, MAX_QUEUE, toInboxItem, WINDOW_MS } from './queue.js';
export {
  addHandoffNote,
  assignHandoff,
  closeHandoff,
  MAX_INBOX_TEXT,
  replyToCitizen,
  resumeConversation,
  takeHandoff,
  transferHandoff,
  type InboxDeps,
  type InboxErrorCode,
} from './actions.js';
export { handoffAssignees } from './assignees.js';
export { conversationHistory, MAX_HISTORY_PAGE, type HistoryPage } from './history.js';
export { findStoredMedia, type StoredMediaRef } from './media.js';
export { addCannedReply, listCannedReplies, MAX_CANNED_BODY, MAX_CANNED_TITLE, removeCannedReply, type CannedReply, type CannedReplyErrorCode } from './canned-replies.js';
