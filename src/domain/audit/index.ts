export { auditEntries, recordAudit, type AuditEntry, type AuditSubject } from './audit-log.js';
