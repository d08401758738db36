import { stat } from 'node:fs/promises';
import { HubError } from '../../core/errors.js';
import { isObject } from '../../core/json.js';
import { readDataFile } from '../../core/read.js';
import { displayPath, projectPaths } from '../../core/paths.js';
import { readRegistry, type ModelEntry } from './registry-read.js';
import { indexSpec, type SpecIndex } from './spec-index.js';

export interface RegistryIndex {
  models: ModelEntry[];
  /** `provider:id` -> entry. */
  byKey: Map<string, ModelEntry>;
  /** id -> entries (one per provider that has it). */
  byId: Map<string, ModelEntry[]>;
  /** Entries the reader had to skip (no provider or id). */
  skipped: number;
  file: string;
}

export interface LoadedSpec {
  document: unknown;
  index: SpecIndex;
  /** The file it was read from, relative to the root. */
  file: string;
}

/** Where the hub's data comes from. Tests pass the data directly. */
export interface CatalogSource {
  root: string;
  /** Registry data instead of `data/model_registry.json`. */
  registry?: unknown;
  /** Unified document instead of `specs/openapi.yaml`. */
  spec?: unknown;
}

interface Cached<T> {
  key: string;
  value: Promise<T>;
}

/**
 * The registry and the unified spec, each loaded on first use and indexed once.
 * A later call costs one `stat`: the data is reloaded only when the file
 * changed (e.g. after `api-hub fetch` or `api-hub build`). A failed load is
 * not cached, so the next call tries again.
 */
export class HubCatalog {
  readonly root: string;
  private readonly source: CatalogSource;
  private registryCache: Cached<RegistryIndex> | undefined;
  private specCache: Cached<LoadedSpec> | undefined;

  constructor(source: CatalogSource) {
    this.source = source;
    this.root = source.root;
  }

  get paths(): ReturnType<typeof projectPaths> {
    return projectPaths(this.root);
  }

  async registry(): Promise<RegistryIndex> {
    if (this.source.registry !== undefined) {
      this.registryCache ??= { key: 'given', value: Promise.resolve(indexRegistry(this.source.registry, '(given)')) };
      return this.registryCache.value;
    }
    const path = this.paths.registry;
    const key = await fileKey(path, 'data/model_registry.json', 'run `api-hub fetch` (or `api-hub build`) to create it');
    if (this.registryCache?.key !== key) {
      const value = (async () => {
        const display = displayPath(this.root, path);
        const data = await readData(path, display);
        return indexRegistry(data, display);
      })();
      this.registryCache = { key, value };
      value.catch(() => {
        if (this.registryCache?.value === value) this.registryCache = undefined;
      });
    }
    return this.registryCache.value;
  }

  async spec(): Promise<LoadedSpec> {
    if (this.source.spec !== undefined) {
      this.specCache ??= { key: 'given', value: Promise.resolve({ document: this.source.spec, index: indexSpec(this.source.spec), file: '(given)' }) };
      return this.specCache.value;
    }
    const file = await this.specFile();
    if (this.specCache?.key !== file.key) {
      const value = (async (): Promise<LoadedSpec> => {
        const display = displayPath(this.root, file.path);
        // JSON.parse for a JSON twin, else js-yaml with YAML 1.2 core types; with the
        // size, depth and alias-bomb guards every stage gets.
        const document = await readData(file.path, display, 'cannot be parsed');
        return { document, index: indexSpec(document), file: display };
      })();
      this.specCache = { key: file.key, value };
      value.catch(() => {
        if (this.specCache?.value === value) this.specCache = undefined;
      });
    }
    return this.specCache.value;
  }

  /** The unified spec file: a JSON twin (`specs/openapi.json`) when there is one at least as new as the YAML. */
  async specFile(): Promise<{ path: string; key: string }> {
    const yamlPath = this.paths.unified;
    const jsonPath = yamlPath.replace(/\.yaml$/, '.json');
    const [y, j] = await Promise.all([stat(yamlPath).catch(() => undefined), stat(jsonPath).catch(() => undefined)]);
    if (j?.isFile() && (!y || j.mtimeMs >= y.mtimeMs)) return { path: jsonPath, key: `${jsonPath}:${j.mtimeMs}:${j.size}` };
    if (y?.isFile()) return { path: yamlPath, key: `${yamlPath}:${y.mtimeMs}:${y.size}` };
    throw new HubError('specs/openapi.yaml: file not found; run `api-hub build` to create it');
  }
}

export function indexRegistry(data: unknown, file: string): RegistryIndex {
  // Entries are read leniently (a bad one is skipped and counted), but a file that is no registry at all is an error.
  if (!Array.isArray(data) && !(isObject(data) && Array.isArray(data.models))) {
    throw new HubError(`${file}: not a model registry (expected an object with a \`models\` array); run \`api-hub build\` to write it again`);
  }
  const { models, skipped } = readRegistry(data);
  const byKey = new Map<string, ModelEntry>();
  const byId = new Map<string, ModelEntry[]>();
  for (const m of models) {
    byKey.set(`${m.provider}:${m.id}`, m);
    const list = byId.get(m.id);
    if (list) list.push(m);
    else byId.set(m.id, [m]);
  }
  return { models, byKey, byId, skipped, file };
}

/**
 * The file read and parsed by core readDataFile (UTF-8, BOM, size, depth and
 * alias-bomb guards), any failure as one line naming the file:
 * `FILE: invalid JSON: … (line L, column C)`, or `FILE: LEAD (…)`.
 */
async function readData(path: string, display: string, lead?: string): Promise<unknown> {
  try {
    return (await readDataFile(path, display)).data;
  } catch (err) {
    if (!(err instanceof HubError)) throw err;
    const p = err.diagnostics[0];
    const why = p?.message ?? err.message;
    const at = p?.line !== undefined ? `line ${p.line}, column ${p.column ?? 1}` : undefined;
    throw new HubError(lead ? `${display}: ${lead} (${why}${at ? `, ${at}` : ''})` : `${display}: ${why}${at ? ` (${at})` : ''}`);
  }
}

async function fileKey(path: string, display: string, hint: string): Promise<string> {
  const s = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new HubError(err.code === 'ENOENT' ? `${display}: file not found; ${hint}` : `${display}: cannot read (${err.code ?? err.message})`);
  });
  return `${s.mtimeMs}:${s.size}`;
}
