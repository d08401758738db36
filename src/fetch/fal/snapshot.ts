import type { Diagnostic } from '../../core/diagnostic.js';
import { cmp } from '../../core/diagnostic.js';
import { canonicalJson, isObject } from '../../core/json.js';
import { sha256 } from '../../core/hash.js';
import { pointer } from '../../core/pointer.js';
import type { FalListing, FalListingEntry, FalModelItem, FalPrice } from './types.js';

/** Files of a provider snapshot: path relative to the provider directory -> content. */
export type SnapshotFiles = Map<string, string>;

const ENDPOINT_ID = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** `fal-ai/flux/dev` -> `openapi/fal-ai__flux__dev.json`. Ids are checked first, so no path can escape. */
export function falDocumentPath(endpointId: string): string {
  return `openapi/${endpointId.split('/').join('__')}.json`;
}

export function isSafeEndpointId(id: string): boolean {
  return ENDPOINT_ID.test(id) && !id.split('/').some((s) => s === '.' || s === '..') && !id.includes('__');
}

const documentTexts = new WeakMap<object, { text: string; sha256: string }>();

/**
 * The snapshot file of one model's OpenAPI document: its text (2-space JSON)
 * and sha256. Remembered per document object, so the live fetch can write the
 * file while it waits for the next page and `buildFalSnapshot` reuses the text.
 */
export function falDocumentText(doc: object): { text: string; sha256: string } {
  let out = documentTexts.get(doc);
  if (!out) {
    const text = JSON.stringify(doc, null, 2) + '\n';
    out = { text, sha256: sha256(text) };
    documentTexts.set(doc, out);
  }
  return out;
}

/** An item's document file, when the item carries an OpenAPI document and a safe id (else undefined). */
export function falDocumentFile(item: FalModelItem): { path: string; text: string; sha256: string } | undefined {
  const doc = item.openapi;
  if (!isSafeEndpointId(item.endpoint_id) || !isOpenApiDocument(doc)) return undefined;
  return { path: falDocumentPath(item.endpoint_id), ...falDocumentText(doc) };
}

function isOpenApiDocument(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && !isObject(doc.error) && (typeof doc.openapi === 'string' || typeof doc.swagger === 'string');
}

/** Metadata keys that describe the caller, not the model: dropped so snapshots do not churn per account. */
const CALLER_SPECIFIC_METADATA = new Set(['is_favorited']);

export interface FalSnapshotResult {
  files: SnapshotFiles;
  listing: FalListing;
  problems: Diagnostic[];
}

/**
 * Turn the model items of every page into the snapshot files: `models.json`
 * (the listing, sorted by endpoint id) and one OpenAPI document per endpoint.
 * Pure and deterministic: the same items give the same bytes in any order.
 */
export function buildFalSnapshot(
  items: readonly FalModelItem[],
  prices: readonly FalPrice[] = [],
  source = 'https://api.fal.ai/v1/models?status=active&expand=openapi-3.0',
): FalSnapshotResult {
  const problems: Diagnostic[] = [];
  const byId = new Map<string, FalModelItem>();
  for (const item of items) {
    const id = item.endpoint_id;
    if (!isSafeEndpointId(id)) {
      problems.push({
        ruleId: 'fal-endpoint-id',
        severity: 'error',
        message: `endpoint id ${JSON.stringify(id)} is not a safe path; skipped`,
        pointer: pointer('models', id),
      });
      continue;
    }
    const seen = byId.get(id);
    if (seen) {
      if (canonicalJson(seen) !== canonicalJson(item)) {
        problems.push({
          ruleId: 'fal-duplicate-endpoint',
          severity: 'warn',
          message: `${id} appears more than once with different content; the last one is kept`,
          pointer: pointer('models', id),
        });
      }
    }
    byId.set(id, item);
  }
  const priceById = new Map(prices.map((p) => [p.endpoint_id, p] as const));
  const files: SnapshotFiles = new Map();
  const entries: FalListingEntry[] = [];
  for (const id of [...byId.keys()].sort(cmp)) {
    const item = byId.get(id)!;
    const entry: FalListingEntry = { endpoint_id: id, metadata: cleanMetadata(item.metadata), openapi: { status: 'absent' } };
    const doc = item.openapi;
    if (isObject(doc) && isObject(doc.error)) {
      const code = typeof doc.error.code === 'string' ? doc.error.code : 'unknown_error';
      const message = typeof doc.error.message === 'string' ? doc.error.message : '';
      entry.openapi = { status: 'unavailable', code, message };
    } else if (isOpenApiDocument(doc)) {
      const path = falDocumentPath(id);
      const { text, sha256: hash } = falDocumentText(doc);
      files.set(path, text);
      entry.openapi = { status: 'available', file: path, sha256: hash };
    } else if (doc !== undefined) {
      entry.openapi = { status: 'unavailable', code: 'not_openapi', message: 'the `openapi` field is neither an OpenAPI document nor an error object' };
    }
    const price = priceById.get(id);
    if (price) {
      entry.pricing = {
        unit_price: price.unit_price,
        unit: price.unit,
        currency: price.currency,
        ...(price.source ? { source: price.source } : {}),
        ...(price.as_of ? { as_of: price.as_of } : {}),
      };
    }
    entries.push(entry);
  }
  const listing: FalListing = { provider: 'fal', source, models: entries };
  files.set('models.json', JSON.stringify(listing, null, 2) + '\n');
  return { files, listing, problems };
}

function cleanMetadata(metadata: FalModelItem['metadata']): FalListingEntry['metadata'] {
  if (!isObject(metadata)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) if (!CALLER_SPECIFIC_METADATA.has(k)) out[k] = v;
  return out;
}
