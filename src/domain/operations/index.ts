export { FAILURES_LISTED, listFailures, maskedNumber, retryJob, retrySend, type FailedJob, type FailedSend, type RetryError } from './failures.js';
