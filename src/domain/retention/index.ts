export { REDACTED_TEXT, redactOldMessages, type RetentionPolicy } from './redact-old-messages.js';
