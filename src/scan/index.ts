export type { SecretFinding } from './types.js';
export { scanText } from './scan-text.js';
export { scanSources, formatFinding, type ScanResult } from './scan.js';
export { stagedSources, workTreeSources, historySources, gitTop, type ScanSource } from './sources.js';
export { ALLOWLIST_FILE, parseAllowlist, isAllowed, type AllowEntry } from './allowlist.js';
export { isDotEnvPath } from './patterns.js';
