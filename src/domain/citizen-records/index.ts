export { anonymiseCitizen, anonymisedAt, eraseOnCitizenRequest, exportCitizen, type AnonymiseResult, type CitizenExport } from './data-rights.js';
export { citizenRecord, findCitizens, type CitizenRecord, type CitizenSummary } from './staff-view.js';
export { auditSubjectOf } from './pseudonym.js';
