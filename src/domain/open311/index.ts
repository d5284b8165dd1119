export { open311Error, refuse, type Open311Error, type Open311ErrorItem, type Open311Result, type Open311Status } from './errors.js';
export { formatW3cDateTime, parseW3cDate, parseW3cDateTime } from './datetime.js';
export type { Open311Params } from './params.js';
export {
  findOpen311Service,
  isConfidentialService,
  open311Services,
  serviceDefinition,
  type Open311Attribute,
  type Open311Datatype,
  type Open311Service,
  type Open311ServiceDefinition,
} from './services.js';
export { presentRequest, serviceNotice, type Open311Request, type PresentCity } from './present-request.js';
export { MAX_IDS, MAX_SPAN_DAYS, parseRequestQuery } from './query-requests.js';
export { citizenKeyForPhone } from './contact.js';
export { createOpen311Request, type Open311Created } from './create-request.js';
export { getOpen311Request, queryOpen311Requests } from './read-requests.js';
export { hashApiKey, isAcceptedApiKey, issueApiKey, listApiKeys, MAX_LABEL, revokeApiKey, type ApiKeyInfo, type IssuedApiKey } from './api-keys.js';
