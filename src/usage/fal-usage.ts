import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import { bucketDay } from './dates.js';
import type { SpendRecord } from './types.js';

/**
 * One page of FAL's `GET /v1/models/usage` (fal.ai/docs/platform-apis/v1/models/usage):
 * `{ time_series: [{ bucket, results: [{ endpoint_id, unit, quantity, unit_price,
 * cost, currency, auth_method }] }], next_cursor, has_more }`. Each line item
 * becomes a SpendRecord on the bucket's calendar day; `auth_method` is present
 * when the request asked `expand=auth_method`. A line item without an
 * `endpoint_id` or a finite `cost` is reported and skipped.
 */
export interface FalUsagePage {
  records: SpendRecord[];
  nextCursor: string | null;
  hasMore: boolean;
  problems: Diagnostic[];
}

export function readFalUsagePage(data: unknown, source: string): FalUsagePage {
  const problems: Diagnostic[] = [];
  const records: SpendRecord[] = [];
  if (!isObject(data) || !Array.isArray(data.time_series)) {
    problems.push({
      ruleId: 'fal-usage-shape',
      severity: 'error',
      message: 'not a FAL /v1/models/usage response: expected an object with a `time_series` array',
      file: source,
      pointer: '',
    });
    return { records, nextCursor: null, hasMore: false, problems };
  }
  data.time_series.forEach((bucket: unknown, b: number) => {
    const day = isObject(bucket) && typeof bucket.bucket === 'string' ? bucketDay(bucket.bucket) : undefined;
    if (!isObject(bucket) || day === undefined || !Array.isArray(bucket.results)) {
      problems.push({
        ruleId: 'fal-usage-shape',
        severity: 'warn',
        message: 'time bucket needs a `bucket` date and a `results` array; skipped',
        file: source,
        pointer: pointer('time_series', b),
      });
      return;
    }
    bucket.results.forEach((item: unknown, i: number) => {
      if (!isObject(item) || typeof item.endpoint_id !== 'string' || item.endpoint_id === '' || !isAmount(item.cost)) {
        problems.push({
          ruleId: 'fal-usage-shape',
          severity: 'warn',
          message: 'usage item needs an `endpoint_id` and a numeric `cost`; skipped',
          file: source,
          pointer: pointer('time_series', b, 'results', i),
        });
        return;
      }
      const record: SpendRecord = {
        provider: 'fal',
        day,
        model: item.endpoint_id,
        key: typeof item.auth_method === 'string' ? item.auth_method.trim() : '',
        cost: Number(item.cost),
        currency: typeof item.currency === 'string' && item.currency.trim() !== '' ? item.currency.trim() : 'USD',
      };
      if (isAmount(item.quantity)) record.quantity = Number(item.quantity);
      if (typeof item.unit === 'string' && item.unit.trim() !== '') record.unit = item.unit.trim();
      records.push(record);
    });
  });
  const nextCursor = typeof data.next_cursor === 'string' && data.next_cursor !== '' ? data.next_cursor : null;
  const hasMore = typeof data.has_more === 'boolean' ? data.has_more : nextCursor !== null;
  return { records, nextCursor, hasMore, problems };
}

/** A finite number, or a numeric string (some APIs send decimals as strings). */
function isAmount(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
}
