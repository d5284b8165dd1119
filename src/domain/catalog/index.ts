export type { Catalog, CatalogGroup, CatalogService, Department, FieldKind, ServiceDeadline, ServiceField, ServiceKind } from './types.js';
export { findService, requestServices, servicesByGroup } from './catalog.js';
export { departmentLabel, departmentsActiveOn, finalDepartment, isDepartmentActiveOn, resolveDepartment } from './departments.js';
export type { ContactDirectory, ContactLine, EmergencyLine } from './contacts.js';
export { emergencyLine, currentLines } from './contacts.js';
export {
  applyServiceTextEdits,
  checkServiceText,
  isServiceTextField,
  PROMPT_PREFIX,
  SERVICE_TEXT_LIMITS,
  serviceText,
  type CheckedText,
  type ServiceTextEdit,
  type ServiceTextField,
} from './text-edits.js';
