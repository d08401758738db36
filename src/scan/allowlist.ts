import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import type { SecretFinding } from './types.js';

/** Where the allowlist lives, at the repository root. */
export const ALLOWLIST_FILE = '.secretscan-allow.yaml';

/**
 * One allowed false positive. At least one of fingerprint or path; a reason
 * always. `path` is a repository path, or a prefix ending in `/`, or a pattern
 * with `*` (within a segment) and `**` (any depth).
 */
export interface AllowEntry {
  fingerprint?: string;
  path?: string;
  rule?: string;
  reason: string;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function pathMatches(entry: string, file: string): boolean {
  if (entry.endsWith('/')) return file.startsWith(entry);
  if (entry.includes('*')) return globToRegExp(entry).test(file);
  return entry === file;
}

/** The entries of a parsed allowlist (`{allow: [...]}`); a malformed one is an error naming the entry. */
export function parseAllowlist(data: unknown, display = ALLOWLIST_FILE): AllowEntry[] {
  if (data === null || data === undefined) return [];
  const list = isObject(data) ? data.allow : undefined;
  if (!isObject(data) || !(Array.isArray(list) || list === undefined || list === null))
    throw new HubError(`${display}: expected a mapping with an 'allow' list`);
  const out: AllowEntry[] = [];
  for (const [i, e] of (Array.isArray(list) ? list : []).entries()) {
    const where = `${display}: allow[${i}]`;
    if (!isObject(e)) throw new HubError(`${where}: expected a mapping`);
    const str = (k: string): string | undefined => {
      const v = e[k];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' || v.trim() === '') throw new HubError(`${where}: '${k}' must be a non-empty string`);
      return v.trim();
    };
    const entry: AllowEntry = { reason: str('reason') ?? '' };
    if (!entry.reason) throw new HubError(`${where}: every entry needs a 'reason' (why this is not a secret)`);
    const fp = str('fingerprint');
    const path = str('path');
    const rule = str('rule');
    if (fp !== undefined) {
      if (!/^[0-9a-f]{12}$/.test(fp)) throw new HubError(`${where}: 'fingerprint' is the 12 hex digits api-hub scan prints`);
      entry.fingerprint = fp;
    }
    if (path !== undefined) entry.path = path;
    if (rule !== undefined) entry.rule = rule;
    if (fp === undefined && path === undefined) throw new HubError(`${where}: give a 'fingerprint', a 'path', or both`);
    out.push(entry);
  }
  return out;
}

/** Whether an entry allows the finding: every field the entry has must match. */
export function isAllowed(finding: SecretFinding, entries: readonly AllowEntry[]): boolean {
  return entries.some(
    (e) =>
      (e.fingerprint === undefined || e.fingerprint === finding.fingerprint) &&
      (e.path === undefined || pathMatches(e.path, finding.file)) &&
      (e.rule === undefined || e.rule === finding.rule),
  );
}
