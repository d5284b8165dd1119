import { createHash } from 'node:crypto';
import type { AuditSubject } from '../audit/index.js';

/**
 * How the audit log names a citizen: a hash of their key, never the phone number itself, so that anonymising a
 * citizen leaves no personal data behind in the log that records it.
 */
export const auditSubjectOf = (key: string): AuditSubject => ({ type: 'citizen', id: createHash('sha256').update(`citizen:${key}`).digest('hex').slice(0, 16) });
