/**
 * usage: spend per model and day from FAL's usage API and Comet's quota, and
 * the anomaly rules over it. The core (readers, report, rules, state) is pure;
 * run.ts and client.ts are the HTTP and file edge.
 */
export { runUsage, usageKey, USAGE_KEY_VARS, COMET_QUOTA_DEFAULT_BASE_URL, type UsageRunOptions, type UsageRunResult } from './run.js';
export { buildUsageReport, readFrom, type UsageReport, type UsageInput, type ModelTotal, type DayTotal } from './report.js';
export { formatUsageText } from './format.js';
export { readFalUsagePage } from './fal-usage.js';
export { readCometQuota } from './comet-quota.js';
export { detectAnomalies, detectors } from './detect/index.js';
export { USAGE_STATE_FILE, parseUsageState, serializeUsageState, learn, knownFrom, type UsageState } from './state.js';
export { urlKeyRedactor } from './redact-key.js';
export { addDays, dayOf, isDay } from './dates.js';
export * from './types.js';
