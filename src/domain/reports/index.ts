export { BRAZILIAN_STATES, stateOfAreaCode } from './area-codes.js';
export { countProcessedMessage, countSentMessages, dayOf, METRIC, NO_SUBJECT, UNKNOWN, type CountingCalendar, type ProcessedMessage } from './count-messages.js';
export { subjectOfMessage } from './message-subject.js';
export { senderOrigin, type SenderOrigin } from './sender-origin.js';
export { MAX_RANGE_DAYS, previousRange, reportSummary, spanOf, TOP_PLACES, type Counts, type ReportCity, type ReportRange, type RequestFigures, type Summary } from './summary.js';
export { countFirstResponse, recountRequest } from './count-requests.js';
export { MAX_EXPORT_ROWS, openDataTable, requestsForAudit, type AuditRow, type ExportCity, type OpenDataRow } from './exports.js';
