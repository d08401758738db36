import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from '../core/fs.js';
import { projectPaths } from '../core/paths.js';
import { driftReport, renderDriftMarkdown, withPrices, type DriftReport, type PricedRegistry, type ProviderDrift } from './drift.js';
import type { Provider } from './events.js';
import type { HttpStats } from './http.js';
import type { SnapshotChange } from './write-snapshot.js';
import type { FalListing } from './fal/types.js';

// The end of every fetch, live or imported from files. Kept apart from run.ts so
// that `api-hub fetch --from` never loads the HTTP stack (ky, p-limit, the live fetchers).

export const DRIFT_MARKDOWN = 'specs/drift-report.md';
export const DRIFT_JSON = 'specs/drift-report.json';

/** The outcome of one provider: its snapshot was replaced, or it failed and the old one stayed. */
export interface ProviderResult {
  provider: Provider;
  ok: boolean;
  /** Set when it failed: one line, secrets redacted. */
  error?: string;
  /** The failure was a missing or rejected key. */
  auth?: boolean;
  models: number;
  documents: number;
  unavailable: string[];
  change: SnapshotChange | null;
  problems: Diagnostic[];
  notes: string[];
}

/** The result of a FAL snapshot that was committed (or worked out, in a dry run): counts from its listing. */
export function falProviderResult(c: { listing: FalListing; change: SnapshotChange | null }, problems: Diagnostic[], notes: string[]): ProviderResult {
  const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
  return {
    provider: 'fal',
    ok: true,
    models: c.listing.models.length,
    documents: c.listing.models.length - unavailable.length,
    unavailable,
    change: c.change,
    problems,
    notes,
  };
}

/** The result of a Comet snapshot that was committed (or worked out, in a dry run): its /v1/models count. */
export function cometProviderResult(
  c: { catalog: { models: readonly unknown[] }; change: SnapshotChange | null },
  problems: Diagnostic[],
  notes: string[],
): ProviderResult {
  return { provider: 'comet', ok: true, models: c.catalog.models.length, documents: 0, unavailable: [], change: c.change, problems, notes };
}

export interface FetchRunResult {
  providers: ProviderResult[];
  drift: DriftReport | null;
  /** Files written besides the snapshots (registry, drift report), project-relative. */
  written: string[];
  interrupted: boolean;
  stats: HttpStats | null;
  /** `--dry-run`: everything was worked out, nothing written. */
  dryRun?: boolean;
}

/** What the caller does once a snapshot was swapped in: the project layer rebuilds the registry from it (the files it wrote, and the registry). */
export type AfterCommit = () => Promise<{ files: string[]; registry: PricedRegistry | null }>;

/**
 * After the snapshots: rebuild the registry (`afterCommit`, which returns the
 * files it wrote and the registry) and write the drift report. An interrupted
 * run that swapped nothing writes nothing at all, nor does a dry run.
 */
export async function finishFetch(
  root: string,
  results: ProviderResult[],
  drifts: ProviderDrift[],
  interrupted: boolean,
  afterCommit?: AfterCommit,
  dryRun = false,
): Promise<FetchRunResult> {
  const written: string[] = [];
  if (dryRun) return { providers: results, drift: driftReport(drifts), written, interrupted, stats: null, dryRun: true };
  const committed = results.some((r) => r.ok);
  if (interrupted && !committed) return { providers: results, drift: null, written, interrupted, stats: null };
  // Price changes come from the registry before and after: the prices as the hub publishes them.
  const previous = await readRegistry(root);
  let current = previous;
  if (committed && afterCommit) {
    const after = await afterCommit();
    written.push(...after.files);
    current = after.registry;
  }
  const drift = driftReport(drifts.map((d) => withPrices(d, previous, current)));
  await writeFileAtomic(join(root, DRIFT_MARKDOWN), renderDriftMarkdown(drift));
  await writeFileAtomic(join(root, DRIFT_JSON), JSON.stringify(drift, null, 2) + '\n');
  written.push(DRIFT_MARKDOWN, DRIFT_JSON);
  return { providers: results, drift, written, interrupted, stats: null };
}

/** The registry as it is on disk, for its prices; null when there is none or it cannot be read (then no price changes are reported). */
async function readRegistry(root: string): Promise<PricedRegistry | null> {
  try {
    const data = JSON.parse(await readFile(projectPaths(root).registry, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && Array.isArray((data as { models?: unknown }).models) ? (data as PricedRegistry) : null;
  } catch {
    return null;
  }
}
