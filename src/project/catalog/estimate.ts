import { isObject } from '../../core/json.js';
import { makeRedactor } from '../../core/redact.js';
import { falApiRoot } from '../../fetch/fal/urls.js';
import { describePrice, formatAmount, howToGetPrice, priceOrigin, type ModelEntry } from './registry-read.js';

export type EstimateMode = 'units' | 'calls';

export interface CostEstimate {
  provider: string;
  endpointId: string;
  mode: EstimateMode;
  quantity: number;
  /** `video`, `image`, `second`… (registry); null for a live per-call estimate. */
  unit: string | null;
  unitPrice: number | null;
  currency: string;
  total: number;
  source: 'registry' | 'fal-live';
  /** For a registry estimate: where the price came from and its date (null when the registry does not say). */
  priceSource: string | null;
  priceAsOf: string | null;
  /** One readable line: `5 video × 0.4 USD = 2 USD`. */
  text: string;
}

export type EstimateOutcome = { ok: true; estimate: CostEstimate } | { ok: false; message: string };

/**
 * The cost of `quantity` units of a model from its registry price (unit price
 * × quantity). Per-call ("historical") prices and token prices cannot be
 * worked out offline; the message says what to do instead.
 */
export function estimateFromRegistry(model: ModelEntry, quantity: number, mode: EstimateMode = 'units'): EstimateOutcome {
  if (!(quantity > 0) || !Number.isFinite(quantity)) return { ok: false, message: `the quantity must be a number greater than 0 (got ${quantity})` };
  const p = model.pricing;
  if (mode === 'calls') {
    return {
      ok: false,
      message: `${model.id}: a per-call estimate uses FAL's historical prices, which only the live API knows; ask live (live=true, or --live on the command line; needs FAL_API_KEY or FAL_KEY), or estimate by units (the registry price is ${describePrice(p) ?? 'not known'}).`,
    };
  }
  if (!p) {
    return { ok: false, message: `${model.id}: the registry has no price for this model. ${howToGetPrice(model.provider)}` };
  }
  if (p.unitPrice === null) {
    return {
      ok: false,
      message: `${model.id} is priced per token (${describePrice(p)}); a unit estimate needs a single unit price: work it out from the token counts.`,
    };
  }
  const from = priceOrigin(p);
  const total = p.unitPrice * quantity;
  return {
    ok: true,
    estimate: {
      provider: model.provider,
      endpointId: model.id,
      mode,
      quantity,
      unit: p.unit,
      unitPrice: p.unitPrice,
      currency: p.currency,
      total: Number(total.toPrecision(12)),
      source: 'registry',
      priceSource: p.source ?? null,
      priceAsOf: p.asOf ?? null,
      text: `${formatAmount(quantity)} ${p.unit} × ${formatAmount(p.unitPrice)} ${p.currency} = ${formatAmount(total)} ${p.currency} (registry price${from ? `: ${from}` : ''})`,
    },
  };
}

export interface LiveEstimateOptions {
  endpointId: string;
  quantity: number;
  mode: EstimateMode;
  apiKey: string;
  /** `https://api.fal.ai` or `…/v1` (FAL_API_BASE_URL). */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/**
 * FAL's own estimate: `POST /v1/models/pricing/estimate` with
 * `{estimate_type: unit_price, endpoints: {id: {unit_quantity}}}` or
 * `{estimate_type: historical_api_price, endpoints: {id: {call_quantity}}}`
 * (provider-apis.md §1.3). Failures come back as a message with the key
 * redacted, never thrown.
 */
export async function estimateLive(o: LiveEstimateOptions): Promise<EstimateOutcome> {
  const fetchImpl = o.fetch ?? globalThis.fetch;
  const redact = makeRedactor([o.apiKey]);
  if (o.mode === 'calls' && !Number.isInteger(o.quantity)) return { ok: false, message: `a number of calls must be a whole number (got ${o.quantity})` };
  if (!(o.quantity > 0) || !Number.isFinite(o.quantity)) return { ok: false, message: `the quantity must be a number greater than 0 (got ${o.quantity})` };
  const body =
    o.mode === 'calls'
      ? { estimate_type: 'historical_api_price', endpoints: { [o.endpointId]: { call_quantity: o.quantity } } }
      : { estimate_type: 'unit_price', endpoints: { [o.endpointId]: { unit_quantity: o.quantity } } };
  const url = `${falApiRoot(o.baseUrl)}/models/pricing/estimate`;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { authorization: `Key ${o.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' ? `no answer within ${Math.round((o.timeoutMs ?? 15_000) / 1000)} s` : e.message;
    return { ok: false, message: redact(`FAL pricing estimate failed: ${url}: ${why}`) };
  }
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = isObject(data) && isObject(data.error) ? data.error : undefined;
    const detail = err && typeof err.message === 'string' ? `: ${err.message}` : text ? `: ${text.slice(0, 200)}` : '';
    const hint = res.status === 401 || res.status === 403 ? ' (check FAL_API_KEY / FAL_KEY)' : '';
    return { ok: false, message: redact(`FAL pricing estimate failed: HTTP ${res.status}${detail}${hint}`) };
  }
  if (!isObject(data) || typeof data.total_cost !== 'number' || !Number.isFinite(data.total_cost)) {
    return { ok: false, message: redact(`FAL pricing estimate: unexpected answer (expected {estimate_type, total_cost, currency}): ${text.slice(0, 200)}`) };
  }
  const currency = typeof data.currency === 'string' ? data.currency : 'USD';
  const what = o.mode === 'calls' ? `${formatAmount(o.quantity)} call(s)` : `${formatAmount(o.quantity)} unit(s)`;
  return {
    ok: true,
    estimate: {
      provider: 'fal',
      endpointId: o.endpointId,
      mode: o.mode,
      quantity: o.quantity,
      unit: null,
      unitPrice: null,
      currency,
      total: data.total_cost,
      source: 'fal-live',
      priceSource: 'fal-pricing-api',
      priceAsOf: new Date().toISOString().slice(0, 10),
      text: `${what} = ${formatAmount(data.total_cost)} ${currency} (FAL live estimate, ${o.mode === 'calls' ? 'historical_api_price' : 'unit_price'})`,
    },
  };
}
