/** The hub's one redactor (core/redact.ts), re-exported for the push library and its users. */
export { makeRedactor, REDACTED } from '../core/redact.js';
export type { Redactor } from '../core/redact.js';
