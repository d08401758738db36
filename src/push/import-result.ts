import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';

export const COUNTER_KINDS = ['created', 'updated', 'failed', 'ignored'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

/** One row of the counters: `endpoint`, `schema`, `endpointFolder`, `schemaFolder`, or another Apidog reports. */
export interface CounterRow {
  subject: string;
  created: number;
  updated: number;
  failed: number;
  ignored: number;
}

export interface ImportError {
  message: string;
  code?: string | number;
}

export interface ImportResult {
  /** The documented four first (endpoint, schema, endpointFolder, schemaFolder), then any others Apidog sent. */
  counters: CounterRow[];
  errors: ImportError[];
  /** Any `*Failed` counter above 0, or any error: exit 1. */
  failed: boolean;
  /** The answer had no counters at all (an undocumented shape): nothing can be said about the outcome. */
  noCounters: boolean;
}

const KNOWN = ['endpoint', 'schema', 'endpointFolder', 'schemaFolder'];

/**
 * Read import-openapi's 200 answer: `{ data: { counters, errors? } }`.
 * Sources disagree on where `errors` is (inside `data` or at the top), so both
 * are read (provider-apis.md §3.2); counters are `<subject><Kind>` numbers.
 */
export function parseImportResult(body: unknown): ImportResult {
  const data = isObject(body) && isObject(body.data) ? body.data : undefined;
  const raw = isObject(data?.counters) ? data.counters : isObject(body) && isObject(body.counters) ? body.counters : undefined;
  const rows = new Map<string, CounterRow>();
  for (const subject of KNOWN) rows.set(subject, { subject, created: 0, updated: 0, failed: 0, ignored: 0 });
  for (const [key, value] of Object.entries(raw ?? {})) {
    const m = /^(.+)(Created|Updated|Failed|Ignored)$/.exec(key);
    if (!m?.[1] || !m[2] || typeof value !== 'number') continue;
    const subject = m[1];
    const row = rows.get(subject) ?? { subject, created: 0, updated: 0, failed: 0, ignored: 0 };
    row[m[2].toLowerCase() as CounterKind] = value;
    rows.set(subject, row);
  }
  const errors = [...readErrors(data?.errors), ...readErrors(isObject(body) ? body.errors : undefined)];
  const counters = [...rows.values()].sort((a, b) => rank(a.subject) - rank(b.subject) || cmp(a.subject, b.subject));
  const failed = errors.length > 0 || counters.some((r) => r.failed > 0);
  return { counters, errors, failed, noCounters: raw === undefined };
}

function rank(subject: string): number {
  const i = KNOWN.indexOf(subject);
  return i < 0 ? KNOWN.length : i;
}

function readErrors(value: unknown): ImportError[] {
  if (!Array.isArray(value)) return [];
  return value.map((e): ImportError => {
    if (!isObject(e)) return { message: typeof e === 'string' ? e : JSON.stringify(e) };
    const message = typeof e.message === 'string' ? e.message : JSON.stringify(e);
    return typeof e.code === 'string' || typeof e.code === 'number' ? { message, code: e.code } : { message };
  });
}
