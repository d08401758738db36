// Prices as the snapshots carry them: read by the drift report (fetch) and the registry alike.
import { isObject } from '../core/json.js';

/**
 * A model's price. FAL: one `unitPrice` per `unit` (image, video, second, …).
 * Comet's public catalog prices per request, per second, or per million input
 * and output tokens; token prices go in `input`/`output` and `unitPrice` is null.
 */
export interface RegistryPricing {
  unitPrice: number | null;
  unit: string;
  currency: string;
  input?: number;
  output?: number;
}

/**
 * Comet's catalog pricing `{currency: "USD / M Tokens", input, output,
 * per_request, per_second}` as a registry price. Per-request wins over
 * per-second, which wins over token prices; null when nothing is priced.
 */
export function cometPricing(raw: unknown): RegistryPricing | null {
  if (!isObject(raw)) return null;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const label = typeof raw.currency === 'string' ? raw.currency.trim() : '';
  const m = /^([A-Za-z]{3})\b\s*(?:\/\s*(.*))?$/.exec(label);
  const currency = m ? m[1]!.toUpperCase() : label || 'USD';
  const per = m?.[2]?.trim() ?? '';
  const perRequest = num(raw.per_request);
  if (perRequest !== undefined) return { unitPrice: perRequest, unit: 'request', currency };
  const perSecond = num(raw.per_second);
  if (perSecond !== undefined) return { unitPrice: perSecond, unit: 'second', currency };
  const input = num(raw.input);
  const output = num(raw.output);
  if (input === undefined && output === undefined) return null;
  return { unitPrice: null, unit: tokenUnit(per), currency, ...(input !== undefined ? { input } : {}), ...(output !== undefined ? { output } : {}) };
}

function tokenUnit(per: string): string {
  const t = /^(\d*(?:\.\d+)?)\s*([KM])\s*tokens?$/i.exec(per);
  if (t) return `${t[1] || '1'}${t[2]!.toUpperCase()} tokens`;
  return per ? per.toLowerCase() : '1M tokens';
}
