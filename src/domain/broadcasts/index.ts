export { audienceOptions, normalizeAudience, resolveAudience, type AudienceErrorCode, type AudienceOptions } from './audience.js';
export { controlBroadcast } from './control-broadcast.js';
export { countAudience, createBroadcast, type BroadcastsDeps, type CreateBroadcastError, type NewBroadcastInput } from './create-broadcast.js';
export { failureReason } from './failure-reasons.js';
export { CONTROLS, type BroadcastControl } from './lifecycle.js';
export { describeLocalTime, isQuietTime, nextQuietStart, nextSendingTime, QUIET_HOURS } from './quiet-hours.js';
export { broadcastDetail, broadcastFailures, listBroadcasts, type ReadDeps } from './read-broadcasts.js';
export { recordBroadcastStatuses } from './record-statuses.js';
export { advanceBroadcast, broadcastsUnderWay, refreshOptOuts, startDueBroadcasts, type RunnerContext } from './run-broadcasts.js';
export {
  BROADCAST_STATUSES,
  type BroadcastAudience,
  type BroadcastCity,
  type BroadcastDetail,
  type BroadcastFailure,
  type BroadcastFigures,
  type BroadcastMessageSpec,
  type BroadcastStatus,
  type BroadcastSummary,
  type BuildBroadcastMessage,
} from './types.js';
