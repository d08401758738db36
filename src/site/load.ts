import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HubError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { isObject } from '../core/json.js';
import { displayPath, projectPaths } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { indexRegistry, readIndexFor } from '../project/catalog/hub-data.js';
import { indexSpec } from '../project/catalog/spec-index.js';
import { sitePrice } from './price.js';
import { modelKey, type SiteInput, type SiteModel } from './types.js';

export interface LoadedSiteInput {
  input: SiteInput;
  /** The unified document's text, copied into the site for download. */
  specText: string;
  /** Files read, relative to the root, for messages. */
  files: { registry: string; spec: string; drift: string; driftFound: boolean };
  /** Registry entries skipped (no provider or id). */
  skipped: number;
}

/**
 * Read what the site is built from: the registry, the unified document (read
 * and parsed once) and the drift report when there is one. Any unreadable or
 * unparseable file is a HubError naming it.
 */
async function readIndexedSpec(yamlPath: string, indexPath: string): Promise<{ data: unknown; text: string } | undefined> {
  const text = await readFile(yamlPath, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const data = await readIndexFor(text, indexPath);
  return data === undefined ? undefined : { data, text };
}

export async function loadSiteInput(root: string, specPath?: string): Promise<LoadedSiteInput> {
  const paths = projectPaths(root);
  const regDisplay = displayPath(root, paths.registry);
  const reg = await readDataFile(paths.registry, regDisplay);
  const registry = indexRegistry(reg.data, regDisplay);
  // The registry reader keeps amount, unit and currency; the site also shows where a price comes from and when.
  const rawPricing = new Map<string, unknown>();
  const list = isObject(reg.data) && Array.isArray(reg.data.models) ? reg.data.models : Array.isArray(reg.data) ? reg.data : [];
  for (const raw of list) {
    if (isObject(raw) && typeof raw.provider === 'string' && typeof raw.id === 'string') rawPricing.set(`${raw.provider}:${raw.id}`, raw.pricing);
  }
  const models: SiteModel[] = registry.models.map((entry) => ({ entry, price: sitePrice(rawPricing.get(modelKey(entry))) }));

  const specFile = specPath ?? paths.unified;
  const specDisplay = displayPath(root, specFile);
  // The unified document: its text is copied into the site; its data comes from the build's JSON index
  // when that mirrors the text (JSON.parse, several times faster than parsing 5 MB of YAML).
  const indexed = specPath === undefined ? await readIndexedSpec(paths.unified, paths.unifiedIndex) : undefined;
  const spec = indexed ?? (await readDataFile(specFile, specDisplay));
  if (!isObject(spec.data) || !isObject(spec.data.paths))
    throw new HubError(`${specDisplay}: not an OpenAPI document (no \`paths\`); run \`api-hub build\` to write it again`);

  const driftFile = join(root, 'specs/drift-report.json');
  const driftDisplay = displayPath(root, driftFile);
  let drift: unknown = null;
  let driftFound = false;
  try {
    drift = (await readDataFile(driftFile, driftDisplay)).data;
    driftFound = true;
  } catch (err) {
    const missing = err instanceof HubError && err.diagnostics[0]?.ruleId === 'file-unreadable' && /not found/.test(err.message);
    if (!missing) throw err;
  }
  const name = specFile.endsWith('.json') ? 'openapi.json' : 'openapi.yaml';
  return {
    input: {
      models,
      spec: { document: spec.data, index: indexSpec(spec.data), downloadName: name, bytes: Buffer.byteLength(spec.text), sha256: sha256(spec.text) },
      drift,
    },
    specText: spec.text,
    files: { registry: regDisplay, spec: specDisplay, drift: driftDisplay, driftFound },
    skipped: registry.skipped,
  };
}
