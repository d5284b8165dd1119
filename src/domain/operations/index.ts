export { CHANNEL_SETTINGS, channelStatus, type ChannelStatus, type GraphOutageRecord, type PauseRecord } from './channel-status.js';
export { FAILURES_LISTED, listFailures, maskedNumber, retryJob, retrySend, type FailedJob, type FailedSend, type RetryError } from './failures.js';
