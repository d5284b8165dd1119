export type {
  OpenedServiceRequest,
  OpenServiceRequestInput,
  OpenServiceRequestOptions,
  RequestChannel,
  RequestCity,
  RequestEvent,
  RequestLocation,
  ServiceRequest,
  ServiceRequestWithHistory,
} from './types.js';
export { fail, ok, toAppError, type DomainError, type Result } from './result.js';
export { inTransaction } from './in-transaction.js';
export { formatProtocol, isCanonicalProtocol, MAX_SEQUENCE, parseProtocol } from './protocol.js';
export {
  attendantActor,
  canTransition,
  CITIZEN_TRANSITIONS,
  isClosedStatus,
  isRequestStatus,
  REQUEST_STATUSES,
  STATUS_TRANSITIONS,
  type Actor,
  type RequestStatus,
} from './statuses.js';
export { DEFAULT_MAX_LENGTH, SYSTEM_DESCRIPTION_MAX, validateRequestFields, type RequestInputErrorCode, type ValidRequestFields } from './validate-request.js';
export { openServiceRequest, type OpenRequestErrorCode } from './open-service-request.js';
export { findCitizenRequest, findRequest, listCitizenRequests, MAX_LIST } from './find-request.js';
export { changeRequestStatus, MAX_NOTE, type ChangeRequestStatusInput, type ChangeStatusErrorCode, type StatusChange } from './change-request-status.js';
export { latestStatusNotes, listRequests, MAX_LIST_PAGE, MAX_SEARCH_LENGTH, type ListRequestsFilter, type RequestPage } from './list-requests.js';
export { OPEN_STATUSES } from './statuses.js';
export type { RequestNotice, RequestNotifier } from './notices.js';
export { requestAudience, updateRequestStatus, type RequestUpdateDeps } from './update-request-status.js';
export { registerPhoneRequest, type PhoneRequestDeps, type PhoneRequestInput, type RegisteredPhoneRequest } from './register-phone-request.js';
export { MAX_RATING, MIN_RATING, rateRequest, recordVerdict, type FeedbackErrorCode } from './feedback.js';
export { distanceMeters, findDuplicate } from './duplicates.js';
export { departmentDaySummary, isOverdue, MAX_OVERDUE_LISTED, type DepartmentDaySummary, type OverdueRequest } from './department-summary.js';
export {
  canSeeReporter,
  canSeeRequest,
  departmentScope,
  listVisibleRequests,
  managesQueues,
  mayAssign,
  viewRequest,
  visibleRequestRow,
  type Person,
  type RequestViewer,
  type StaffRequest,
  type StaffRequestPage,
  type StaffRequestView,
} from './access.js';
export {
  addRequestNote,
  assignRequest,
  changeStatusAs,
  linkDuplicate,
  REQUEST_PRIORITIES,
  setRequestPriority,
  type RequestPriority,
  unlinkDuplicate,
  type ManageRequestErrorCode,
} from './manage-request.js';
export { mayWorkOn, requestAssignees, type Assignee } from './assignees.js';
