import type { Diagnostic } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';
import { readCursor } from './pages.js';
import type { FalPrice, PriceOrigin } from './types.js';

/** FAL's limit on endpoint ids per `/v1/models/pricing` request (provider-apis.md §1.3). */
export const FAL_PRICING_BATCH = 50;

export function isFalPricingResponse(data: unknown): boolean {
  return isObject(data) && Array.isArray(data.prices) && !Array.isArray(data.models);
}

/**
 * Read one `GET /v1/models/pricing` response `{prices, next_cursor, has_more}`.
 * A price without a string id, a non-negative `unit_price`, a non-empty `unit`
 * and `currency` is reported and skipped (units are trimmed); the response as a whole is refused only
 * when it has no `prices` array.
 */
export function readFalPricing(data: unknown, file: string): { prices: FalPrice[]; nextCursor: string | null; hasMore: boolean; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  if (!isObject(data) || !Array.isArray(data.prices)) {
    problems.push({
      ruleId: 'fal-pricing-shape',
      severity: 'error',
      message: 'not a FAL /v1/models/pricing response: expected an object with a `prices` array',
      file,
      pointer: '',
    });
    return { prices: [], nextCursor: null, hasMore: false, problems };
  }
  const prices: FalPrice[] = [];
  data.prices.forEach((raw: unknown, i: number) => {
    if (
      !isObject(raw) ||
      typeof raw.endpoint_id !== 'string' ||
      typeof raw.unit_price !== 'number' ||
      !Number.isFinite(raw.unit_price) ||
      raw.unit_price < 0 ||
      typeof raw.unit !== 'string' ||
      raw.unit.trim() === '' ||
      typeof raw.currency !== 'string' ||
      raw.currency.trim() === ''
    ) {
      problems.push({
        ruleId: 'fal-pricing-shape',
        severity: 'warn',
        message: 'price item needs `endpoint_id`, a non-negative `unit_price`, `unit` and `currency`; skipped',
        file,
        pointer: pointer('prices', i),
      });
      return;
    }
    // Units and currencies are trimmed: saved pages carry e.g. "1000 characters " (trailing space).
    prices.push({ endpoint_id: raw.endpoint_id, unit_price: raw.unit_price, unit: raw.unit.trim(), currency: raw.currency.trim() });
  });
  return { prices, ...readCursor(data), problems };
}

/** The source label of prices read from FAL's pricing API (live, or a saved response of it). */
export const FAL_PRICING_API_SOURCE = 'fal-pricing-api';

/** The same prices, each stamped with where they came from and when. */
export function stampPrices(prices: readonly FalPrice[], origin: PriceOrigin): FalPrice[] {
  return prices.map((p) => ({
    endpoint_id: p.endpoint_id,
    unit_price: p.unit_price,
    unit: p.unit,
    currency: p.currency,
    source: origin.source,
    as_of: origin.asOf,
  }));
}
