import { envValue, type Env } from '../../core/env.js';
import { baseUrlFromEnv } from '../../core/base-url.js';
import { FAL_DEFAULT_BASE_URL } from '../../fetch/fal/urls.js';
import { estimateFromRegistry, estimateLive, type CostEstimate, type EstimateMode } from './estimate.js';
import type { RegistryIndex } from './hub-data.js';
import { findModel } from './models.js';
import { describePrice } from './registry-read.js';

export interface EstimateArgs {
  endpointId: string;
  quantity: number;
  mode?: EstimateMode | undefined;
  live?: boolean | undefined;
}

export type EstimateAnswer = { ok: true; estimates: CostEstimate[]; notes: string[] } | { ok: false; message: string; suggestions: string[] };

/** The estimate the tool and `api-hub estimate` both give: registry first, then live when asked. */
export async function estimateCost(index: RegistryIndex, env: Env, fetchImpl: typeof globalThis.fetch, args: EstimateArgs): Promise<EstimateAnswer> {
  const mode = args.mode ?? 'units';
  const found = findModel(index, args.endpointId);
  const notes: string[] = [];
  const estimates: CostEstimate[] = [];
  if (!found.ok && !args.live)
    return {
      ok: false,
      message: `${found.message} Search the registry for ids (search_models, or \`api-hub models\`), or ask live (live=true, --live) about an endpoint the snapshot does not have.`,
      suggestions: found.suggestions,
    };
  const model = found.ok ? found.model : undefined;
  let offlineError: string | undefined;
  if (model) {
    const r = estimateFromRegistry(model, args.quantity, mode);
    if (r.ok) estimates.push(r.estimate);
    else offlineError = r.message;
  } else notes.push(`${args.endpointId} is not in the registry snapshot; asking FAL directly.`);
  if (args.live) {
    if (model && model.provider !== 'fal')
      return {
        ok: false,
        message: `Live estimates are FAL's API; ${model.id} is a ${model.provider} model (its registry price: ${describePrice(model.pricing) ?? 'not known'}).`,
        suggestions: [],
      };
    const key = envValue(env, 'FAL_API_KEY') ?? envValue(env, 'FAL_KEY');
    if (!key) {
      return {
        ok: false,
        message: `A live estimate needs FAL_API_KEY (or FAL_KEY) in the MCP server's environment (or in .env at the project root).${estimates[0] ? ` Offline: ${estimates[0].text}.` : offlineError ? ` Offline: ${offlineError}` : ''}`,
        suggestions: [],
      };
    }
    let baseUrl: string;
    try {
      baseUrl = baseUrlFromEnv(env, 'FAL_API_BASE_URL', FAL_DEFAULT_BASE_URL);
    } catch (e) {
      return { ok: false, message: (e as Error).message, suggestions: [] };
    }
    const live = await estimateLive({ endpointId: model?.id ?? args.endpointId.trim(), quantity: args.quantity, mode, apiKey: key, baseUrl, fetch: fetchImpl });
    if (live.ok) estimates.push(live.estimate);
    else if (estimates.length === 0) return { ok: false, message: live.message + (offlineError ? `\nOffline: ${offlineError}` : ''), suggestions: [] };
    else notes.push(live.message);
  }
  if (estimates.length === 0) return { ok: false, message: offlineError ?? 'No estimate.', suggestions: [] };
  if (offlineError && args.live) notes.push(`Registry: ${offlineError}`);
  return { ok: true, estimates, notes };
}
