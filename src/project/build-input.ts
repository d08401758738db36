import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { isObject } from '../core/json.js';
import { projectPaths, displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import type { Snapshots } from '../registry/registry.js';
import type { BuildInput, Exclusion } from '../normalize/build.js';
import { DEFAULT_SECURITY_SCHEMES } from '../normalize/build.js';
import type { BuildFinding, Obj, SourceDocument } from '../normalize/types.js';
import type { HubBuildConfig } from '../normalize/config.js';
import { loadProvider } from '../normalize/load-provider.js';
import { loadOverlays } from '../normalize/load-overlays.js';

/**
 * Read everything the build needs from the project: the FAL listing and its
 * per-endpoint documents, the curated Comet document with its catalog, the
 * providers declared in api-hub.config.yaml, and the overlays in
 * specs/overlays/. Each file is read and parsed once; a file that fails names
 * itself.
 */
export async function loadBuildInput(
  root: string,
  config: HubBuildConfig = { providers: [], build: {} },
  fetchImpl?: typeof fetch,
  /** The snapshots' listings (src/project/snapshots.ts reads them; the registry is built from them too). */
  snapshots: Snapshots = { fal: null, comet: null },
): Promise<BuildInput> {
  const p = projectPaths(root);
  const { fal } = snapshots;
  const sources: SourceDocument[] = [];
  const excluded: Exclusion[] = [];
  const securitySchemes: Record<string, Obj> = { ...DEFAULT_SECURITY_SCHEMES };
  if (fal) sources.push(...loadFalSources(root, fal, excluded));
  const comet = await loadCometSource(root, securitySchemes, excluded);
  if (comet) sources.push(comet);
  const findings: BuildFinding[] = [];
  const configured = await Promise.all(config.providers.map((prov) => loadProvider(root, prov, config.build, fetchImpl)));
  for (const c of configured) {
    sources.push(c.source);
    findings.push(...c.findings);
  }
  return {
    sources,
    excluded,
    securitySchemes,
    providers: config.providers,
    findings,
    overlays: await loadOverlays(root, p.overlays),
  };
}

type FalListedModel = NonNullable<Snapshots['fal']>['models'][number];

/** The document of every listed FAL model that has one, in listing order; the others go to `excluded`. */
function loadFalSources(root: string, fal: NonNullable<Snapshots['fal']>, excluded: Exclusion[]): SourceDocument[] {
  const sources: SourceDocument[] = [];
  for (const m of fal.models) {
    if (m.openapi.status !== 'available') {
      excluded.push({
        provider: 'fal',
        id: m.endpoint_id,
        reason: m.openapi.status === 'unavailable' ? `no OpenAPI document: ${m.openapi.code}: ${m.openapi.message}` : 'no OpenAPI document in the listing',
      });
      continue;
    }
    sources.push(readFalSource(root, m, m.openapi.file, m.openapi.sha256));
  }
  return sources;
}

/** One FAL model's document, checked against the listing's sha256. */
function readFalSource(root: string, m: FalListedModel, file: string, expectedSha256: string): SourceDocument {
  const abs = join(projectPaths(root).falDir, file);
  const display = displayPath(root, abs);
  // Synchronous: hundreds of small files read 3-5x faster than through the thread pool.
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new HubError(`${display}: listed in specs/providers/fal/models.json but missing; re-run the fetch`);
  }
  const hash = sha256(text);
  if (hash !== expectedSha256) {
    throw new HubError(
      `${display}: content does not match the sha256 in specs/providers/fal/models.json; the snapshot was edited by hand or is corrupt — re-run the fetch, or use an overlay for fixes`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new HubError(`${display}: invalid JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc)) throw new HubError(`${display}: not an OpenAPI document`);
  const md = m.metadata ?? {};
  return {
    provider: 'fal',
    sourceId: m.endpoint_id,
    file: display,
    sha256: hash,
    doc,
    meta: {
      ...(typeof md.display_name === 'string' ? { displayName: md.display_name } : {}),
      ...(typeof md.category === 'string' ? { category: md.category } : {}),
      ...(typeof md.description === 'string' ? { description: md.description } : {}),
    },
  };
}

/**
 * The curated Comet document, if there is one. Its security schemes go to `securitySchemes` and
 * the endpoints it leaves out on purpose (`x-hub-excluded`) to `excluded`; both are taken out of it.
 */
async function loadCometSource(root: string, securitySchemes: Record<string, Obj>, excluded: Exclusion[]): Promise<SourceDocument | undefined> {
  const p = projectPaths(root);
  const cometDisplay = displayPath(root, p.cometSpec);
  const cometRead = await readDataFile(p.cometSpec, cometDisplay).catch((err: unknown) => {
    if (err instanceof HubError && err.diagnostics[0]?.ruleId === 'file-unreadable') return undefined;
    throw err;
  });
  if (!cometRead) return undefined;
  if (!isObject(cometRead.data)) throw new HubError(`${cometDisplay}: not an OpenAPI document`);
  const doc = cometRead.data;
  const comps = isObject(doc.components) ? doc.components : undefined;
  if (comps && isObject(comps.securitySchemes)) {
    for (const [name, scheme] of Object.entries(comps.securitySchemes)) if (isObject(scheme)) securitySchemes[name] = scheme;
    delete comps.securitySchemes;
  }
  // Endpoints the curated document leaves out on purpose (removed or unavailable upstream) go to the report.
  const left = doc['x-hub-excluded'];
  if (Array.isArray(left)) {
    for (const e of left)
      if (isObject(e) && typeof e.id === 'string' && typeof e.reason === 'string') excluded.push({ provider: 'comet', id: e.id, reason: e.reason });
    delete doc['x-hub-excluded'];
  }
  return { provider: 'comet', sourceId: 'comet', file: cometDisplay, sha256: sha256(cometRead.text), doc };
}
