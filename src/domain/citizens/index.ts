export type { BroadcastSource, BroadcastState, CitizenPlace, CitizenProfile, ConsentState, DataRequest, StoredDataSummary } from './types.js';
export { getCitizenProfile, privacyNoticeVersion, profileOfCitizen, recordConsent, setBroadcastOptIn } from './profile.js';
export { cleanName, MAX_NAME, MAX_PLACE_TEXT, updateRegistration, type RegistrationChange, type RegistrationErrorCode } from './update-registration.js';
export { describeStoredData, requestDataDeletion } from './data-rights.js';
export { whatsAppIdsOf } from './phone-numbers.js';
export { changeTopics, setBroadcastsConsent, type ConsentContext, type TopicChange } from './topics.js';
