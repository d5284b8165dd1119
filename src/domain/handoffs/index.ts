export type { Handoff, HandoffMessage, HandoffRequest, HandoffStatus } from './types.js';
export { appendHandoffMessage, MAX_HANDOFF_MESSAGE, pendingHandoffFor, requestHandoff, type AppendHandoffErrorCode } from './handoffs.js';
