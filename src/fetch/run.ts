import { HubError } from '../core/errors.js';
import { envValue, secretEntries, type Env } from '../core/env.js';
import { commitComet, commitFal, type CometCommitResult, type FalCommitResult } from './commit.js';
import { COMET_DEFAULT_BASE_URL, cometHostRoot, fetchCometLive } from './comet/live.js';
import { cometDrift, falDrift, modelChanges, type ProviderDrift } from './drift.js';
import { cometProviderResult, falProviderResult, finishFetch, type AfterCommit, type FetchRunResult, type ProviderResult } from './finish.js';
import type { Emit, Provider } from './events.js';
import { fetchFalLive, type FalKey, type FalLiveResult } from './fal/live.js';
import { FAL_DEFAULT_BASE_URL, falApiRoot } from './fal/urls.js';
import { FetchError, HttpClient, type HttpSettings } from './http.js';
import { baseUrlFrom } from './settings.js';
import { type CometState, type FalState, readCometState, readFalState } from './state.js';
import { SnapshotStage } from './write-snapshot.js';
import { falDocumentFile } from './fal/snapshot.js';
import { FAL_PRICING_API_SOURCE } from './fal/pricing.js';
import type { FalModelItem } from './fal/types.js';
import { makeRedactor, type Redactor } from '../core/redact.js';
import { findSecret, redactDiagnostic } from './redact.js';
import { projectPaths } from '../core/paths.js';

export interface LiveFetchOptions {
  providers?: readonly Provider[];
  env: Env;
  http?: Partial<HttpSettings>;
  /** Abort (Ctrl-C): requests stop, nothing more is swapped in. */
  signal?: AbortSignal;
  emit?: Emit;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** Once a snapshot was swapped in (the project layer rebuilds the registry). */
  afterCommit?: AfterCommit;
  /** Fetch and compare, write nothing (not even a temp directory). */
  dryRun?: boolean;
}

/**
 * `api-hub fetch`: refresh the provider snapshots from the live APIs. Each
 * provider is fetched completely and checked, then swapped in atomically; a
 * provider that fails keeps its previous snapshot and never blocks the other.
 * Then the registry is rebuilt and the drift report written.
 */
export async function runLiveFetch(root: string, o: LiveFetchOptions): Promise<FetchRunResult> {
  const providers: Provider[] = o.providers && o.providers.length > 0 ? [...new Set(o.providers)].sort() : ['comet', 'fal'];
  const run = await startRun(root, o);
  const [falOut, cometOut] = await Promise.all([providers.includes('fal') ? fetchFal(run) : null, providers.includes('comet') ? fetchComet(run) : null]);
  const results = [cometOut?.[0], falOut?.[0]].filter((r): r is ProviderResult => r !== undefined);
  const drifts = await driftsOf(run.before, falOut, cometOut);
  const finished = await finishFetch(root, results, drifts, run.signal.aborted, o.afterCommit, o.dryRun === true);
  return { ...finished, stats: { ...run.http.stats } };
}

/** What the fetch of each provider shares: the options, one HTTP client, the redactor, and the snapshots before. */
interface LiveRun {
  root: string;
  o: LiveFetchOptions;
  secrets: ReturnType<typeof secretEntries>;
  redact: Redactor;
  emit: Emit;
  signal: AbortSignal;
  http: HttpClient;
  fetchedAt: string;
  before: { fal: FalState; comet: CometState };
}

type FalOutcome = [ProviderResult, FalCommitResult | null, readonly string[]];
type CometOutcome = [ProviderResult, CometCommitResult | null];

async function startRun(root: string, o: LiveFetchOptions): Promise<LiveRun> {
  const secrets = secretEntries(o.env);
  const redact = makeRedactor(secrets.values());
  const emit: Emit = o.emit ?? (() => {});
  const signal = o.signal ?? new AbortController().signal;
  const http = new HttpClient(o.http ?? {}, {
    ...(o.fetch ? { fetch: o.fetch } : {}),
    signal,
    onEvent: (e) => {
      if (e.type === 'retry') emit({ type: 'retry', provider: providerOf(e.label), label: redact(e.label), retry: e.retry, reason: redact(e.reason) });
    },
  });
  const fetchedAt = (o.now ?? (() => new Date()))().toISOString();
  const before = { fal: await readFalState(root), comet: await readCometState(root) };
  return { root, o, secrets, redact, emit, signal, http, fetchedAt, before };
}

/** FAL: the listing and documents (staged as they arrive) and the prices, committed; a failure keeps the old snapshot. */
async function fetchFal(run: LiveRun): Promise<FalOutcome> {
  const { root, o, secrets, redact, emit, signal, http, fetchedAt, before } = run;
  const key = falKey(o.env);
  let stage: SnapshotStage | undefined;
  try {
    const baseUrl = baseUrlFrom(o.env, 'FAL_API_BASE_URL', FAL_DEFAULT_BASE_URL, key !== null);
    emit({ type: 'start', provider: 'fal', message: `fal: fetching ${falApiRoot(baseUrl)}/models${key ? '' : ' (no key)'}` });
    // Each model's document is written into the new snapshot's temp directory as its page
    // arrives, while the next pages are awaited; the swap happens only once everything is in.
    stage = o.dryRun ? undefined : await SnapshotStage.open(projectPaths(root).falDir);
    const onPage = stagePages(stage, secrets);
    const r = await fetchFalLive({ http, baseUrl, key, old: before.fal, root, emit, signal, fetchedAt, onPage });
    const priceOrigin = { source: FAL_PRICING_API_SOURCE, asOf: fetchedAt.slice(0, 10) };
    const c = await commitFal(root, { items: r.items, prices: r.prices, priceOrigin, meta: r.meta }, before.fal, {
      secrets,
      signal,
      dryRun: o.dryRun === true,
      ...(stage ? { stage } : {}),
    });
    stage = undefined; // committed (or discarded by the commit on failure)
    const notes = falNotes(r, c);
    for (const n of notes) emit({ type: 'note', provider: 'fal', message: redact(n) });
    emit({ type: 'done', provider: 'fal', message: `fal: ${c.listing.models.length} models` });
    const result = falProviderResult(
      c,
      [...before.fal.problems, ...r.problems, ...c.problems].map((d) => redactDiagnostic(d, redact)),
      notes.map(redact),
    );
    return [result, c, r.deprecated];
  } catch (err) {
    await stage?.discard();
    const f = failure('fal', err, redact, key?.name ?? null);
    emit({ type: 'failed', provider: 'fal', message: f.error ?? '' });
    return [f, null, []];
  }
}

/** A listing page's documents, written to the staged snapshot (none on a dry run; none that holds a secret). */
function stagePages(staging: SnapshotStage | undefined, secrets: LiveRun['secrets']): (items: readonly FalModelItem[]) => void {
  return (items) => {
    if (!staging) return;
    for (const item of items) {
      const file = falDocumentFile(item);
      // A document that contains a secret is never written, not even to the temp directory (the commit refuses it).
      if (file && !findSecret(file.text, secrets)) staging.stage(file.path, file.text);
    }
  };
}

/** The fetch's notes, and what the commit kept or marked. */
function falNotes(r: FalLiveResult, c: FalCommitResult): string[] {
  const notes = [...r.notes];
  if (r.prices === null && c.carriedPrices > 0) notes.push(`kept ${c.carriedPrices} price(s) from the previous snapshot`);
  const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
  if (unavailable.length > 0)
    notes.push(`${unavailable.length} model(s) listed without an OpenAPI document (e.g. expansion_failed), kept and marked unavailable`);
  return notes;
}

/** Comet: /v1/models and the public catalog, committed; a missing key or a failure keeps the old snapshot. */
async function fetchComet(run: LiveRun): Promise<CometOutcome> {
  const { root, o, secrets, redact, emit, signal, http, fetchedAt, before } = run;
  try {
    const baseUrl = baseUrlFrom(o.env, 'COMET_API_BASE_URL', COMET_DEFAULT_BASE_URL);
    const key = envValue(o.env, 'COMET_API_KEY');
    if (!key) {
      return [
        {
          ...failed(
            'comet',
            'comet: COMET_API_KEY is not set; set it (in the environment or .env) to list the models your key can call. The previous comet snapshot is unchanged.',
          ),
          auth: true,
        },
        null,
      ];
    }
    emit({ type: 'start', provider: 'comet', message: `comet: fetching ${cometHostRoot(baseUrl)}/v1/models and /api/models` });
    const r = await fetchCometLive({ http, baseUrl, key, old: before.comet, emit, signal, fetchedAt });
    const c = await commitComet(root, { models: r.models, api: r.api, apiAsOf: fetchedAt.slice(0, 10), meta: r.meta }, before.comet, {
      secrets,
      signal,
      dryRun: o.dryRun === true,
    });
    const inCatalog = new Set(r.api.map((m) => m.id));
    const notes: string[] = [];
    const unpriced = r.models.filter((m) => !inCatalog.has(m.id)).length;
    if (unpriced > 0) notes.push(`${unpriced} of ${r.models.length} model(s) from /v1/models are not in the public catalog (no category or price)`);
    for (const n of notes) emit({ type: 'note', provider: 'comet', message: n });
    emit({ type: 'done', provider: 'comet', message: `comet: ${c.catalog.models.length} models` });
    return [
      cometProviderResult(
        c,
        [...before.comet.problems, ...r.problems].map((d) => redactDiagnostic(d, redact)),
        notes,
      ),
      c,
    ];
  } catch (err) {
    const f = failure('comet', err, redact, 'COMET_API_KEY');
    emit({ type: 'failed', provider: 'comet', message: f.error ?? '' });
    return [f, null];
  }
}

/** The drift of each provider fetched: FAL first, then Comet. */
async function driftsOf(before: LiveRun['before'], falOut: FalOutcome | null, cometOut: CometOutcome | null): Promise<ProviderDrift[]> {
  const drifts: ProviderDrift[] = [];
  if (falOut) {
    const c = falOut[1];
    const changes = c ? await modelChanges(before.fal.listing, c.listing, c.files) : [];
    drifts.push(
      falDrift({
        before: before.fal.listing,
        after: c?.listing ?? null,
        deprecated: falOut[2],
        changes,
        ...(falOut[0].ok ? {} : { error: falOut[0].error }),
        notes: falOut[0].notes,
      }),
    );
  }
  if (cometOut) {
    const c = cometOut[1];
    drifts.push(
      cometDrift({
        before: { v1: before.comet.v1, api: before.comet.api },
        after: c ? { v1: c.catalog, api: c.api } : null,
        ...(cometOut[0].ok ? {} : { error: cometOut[0].error }),
        notes: cometOut[0].notes,
      }),
    );
  }
  return drifts;
}

export function falKey(env: Env): FalKey | null {
  for (const name of ['FAL_API_KEY', 'FAL_KEY']) {
    const value = envValue(env, name);
    if (value) return { name, value };
  }
  return null;
}

function providerOf(label: string): Provider | null {
  return label.startsWith('fal:') ? 'fal' : label.startsWith('comet:') ? 'comet' : null;
}

function failed(provider: Provider, error: string): ProviderResult {
  return { provider, ok: false, error, models: 0, documents: 0, unavailable: [], change: null, problems: [], notes: [] };
}

/** One line per failed provider. A rejected key names the variable to set. */
function failure(provider: Provider, err: unknown, redact: Redactor, keyVar: string | null): ProviderResult {
  const kept = `The previous ${provider} snapshot is unchanged.`;
  if (err instanceof FetchError && err.kind === 'auth') {
    const name = provider === 'fal' ? 'FAL' : 'Comet';
    const set = provider === 'fal' ? 'FAL_API_KEY (or FAL_KEY)' : 'COMET_API_KEY';
    const status = err.status ?? 401;
    const line = !keyVar
      ? `${provider}: ${name} requires a key (HTTP ${status}); set ${set}.`
      : status === 403
        ? `${provider}: ${name} refused access with the key in ${keyVar} (HTTP 403); set ${set} to a key with access.`
        : `${provider}: ${name} rejected the key in ${keyVar} (HTTP ${status}); set ${set} to a valid key.`;
    return { ...failed(provider, redact(`${line} ${kept}`)), auth: true };
  }
  if (err instanceof FetchError && err.kind === 'aborted') return failed(provider, `${provider}: interrupted. ${kept}`);
  if (err instanceof HubError) {
    const r = failed(provider, redact(`${err.message.replace(/\.$/, '')}. ${kept}`));
    r.problems = err.diagnostics.map((d) => redactDiagnostic(d, redact));
    return r;
  }
  const e = err as Error;
  return failed(provider, redact(`${provider}: ${e?.message ?? String(err)}. ${kept}`));
}
