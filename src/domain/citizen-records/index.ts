export { anonymiseCitizen, anonymisedAt, eraseOnCitizenRequest, exportCitizen, type AnonymiseResult, type CitizenExport } from './data-rights.js';
export { citizenRecord, findCitizens, openCitizenRecord, type CitizenRecord, type CitizenSummary } from './staff-view.js';
export { auditSubjectOf } from './pseudonym.js';
