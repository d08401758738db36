/** Push to and pull from Apidog (docs/provider-apis.md §3). */
export { pushToApidog, apidogSettings, requireTarget } from './push.js';
export type { PushInput, PushOutcome, PushTarget } from './push.js';
export { pullFromApidog, EXPORT_REQUEST } from './pull.js';
export type { PullInput, PullResult } from './pull.js';
export { APIDOG_API_VERSION, APIDOG_BASE_URL, ApidogError, DEFAULT_RETRY, apidogUrl, retryAfterMs, retryPolicyFromEnv } from './apidog.js';
export type { HttpOptions, RetryNotice, RetryPolicy } from './apidog.js';
export { parseImportResult } from './import-result.js';
export type { CounterRow, ImportError, ImportResult } from './import-result.js';
export { planPush, rollUp, ROOT_FOLDER } from './plan.js';
export type { FolderCount, PushPlan } from './plan.js';
export { formatBytes, formatCounters, formatPlan, outcomeSummary } from './format.js';
export { makeRedactor, REDACTED } from '../core/redact.js';
export type { Redactor } from '../core/redact.js';
