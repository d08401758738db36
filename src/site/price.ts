import { isObject } from '../core/json.js';
import { formatAmount } from '../project/catalog/registry-read.js';

/**
 * A model's price as the site shows it. The registry's `pricing` is
 * `{unitPrice, unit, currency, source, asOf}` (token models may carry
 * `input`/`output` instead of `unitPrice`); any of it may be missing.
 */
export interface SitePrice {
  /** One number to filter and sort on: unitPrice, else input, else output. */
  amount: number | null;
  currency: string;
  unit: string;
  /** `0.025 USD per image`, `input 2.5, output 10 USD per 1M tokens`. */
  text: string;
  /** Where the price comes from (a URL or a name), when the registry says. */
  source: string | null;
  /** The date the price was read, when the registry says. */
  asOf: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** The price of a registry entry's raw `pricing` value; null for null, `{}`, or no amount at all. */
export function sitePrice(raw: unknown): SitePrice | null {
  if (!isObject(raw)) return null;
  const unitPrice = num(raw.unitPrice) ?? num(raw.unit_price);
  const input = num(raw.input);
  const output = num(raw.output);
  if (unitPrice === undefined && input === undefined && output === undefined) return null;
  const currency = str(raw.currency) ?? 'USD';
  const unit = str(raw.unit) ?? 'unit';
  const amounts =
    unitPrice !== undefined
      ? formatAmount(unitPrice)
      : [input !== undefined ? `input ${formatAmount(input)}` : '', output !== undefined ? `output ${formatAmount(output)}` : ''].filter(Boolean).join(', ');
  const asOf = str(raw.asOf) ?? str(raw.as_of);
  return {
    amount: unitPrice ?? input ?? output ?? null,
    currency,
    unit,
    text: `${amounts} ${currency} per ${unit}`,
    source: str(raw.source),
    asOf: asOf && /^\d{4}-\d\d-\d\d/.test(asOf) ? asOf.slice(0, 10) : asOf,
  };
}

/** Whether a source is a link the page can point at. */
export function isHttpUrl(s: string | null): s is string {
  return s !== null && /^https?:\/\/[^\s"'<>]+$/i.test(s);
}
