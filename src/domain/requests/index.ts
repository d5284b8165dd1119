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
export { DEFAULT_MAX_LENGTH, validateRequestFields, type RequestInputErrorCode, type ValidRequestFields } from './validate-request.js';
export { openServiceRequest, type OpenRequestErrorCode } from './open-service-request.js';
export { findCitizenRequest, findRequest, listCitizenRequests, MAX_LIST } from './find-request.js';
export { changeRequestStatus, MAX_NOTE, type ChangeRequestStatusInput, type ChangeStatusErrorCode, type StatusChange } from './change-request-status.js';
export { latestStatusNotes, listRequests, MAX_LIST_PAGE, MAX_SEARCH_LENGTH, type ListRequestsFilter, type RequestPage } from './list-requests.js';
