import { readFile, stat } from 'node:fs/promises';
import { sha256 } from '../../core/hash.js';
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
  /** Read from the JSON index (`specs/openapi.index.json`) rather than parsed from the YAML. */
  fromIndex?: boolean;
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
        // The build's JSON index when it mirrors the YAML on disk (JSON.parse: fast); else the YAML,
        // with js-yaml, YAML 1.2 core types and the size, depth and alias-bomb guards every stage gets.
        const indexed = await readIndex(file.path, this.paths.unifiedIndex);
        if (indexed !== undefined) return { document: indexed, index: indexSpec(indexed), file: display, fromIndex: true };
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

  /** The unified spec file (`specs/openapi.yaml`), keyed by its and its JSON index's size and time. */
  async specFile(): Promise<{ path: string; key: string }> {
    const yamlPath = this.paths.unified;
    const [y, j] = await Promise.all([stat(yamlPath).catch(() => undefined), stat(this.paths.unifiedIndex).catch(() => undefined)]);
    if (y?.isFile()) return { path: yamlPath, key: `${yamlPath}:${y.mtimeMs}:${y.size}:${j?.mtimeMs ?? 0}:${j?.size ?? 0}` };
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

/**
 * The document of `specs/openapi.index.json` when its `source.sha256` is the hash of the
 * YAML on disk; undefined when there is no index, or it is stale or unreadable (the
 * YAML is then parsed: slower, never wrong).
 */
async function readIndex(yamlPath: string, indexPath: string): Promise<unknown> {
  try {
    const [yaml, text] = await Promise.all([readFile(yamlPath), readFile(indexPath, 'utf8')]);
    const index: unknown = JSON.parse(text);
    if (!isObject(index) || !isObject(index.source) || index.source.sha256 !== sha256(yaml) || !isObject(index.document)) return undefined;
    return index.document;
  } catch {
    return undefined;
  }
}

async function fileKey(path: string, display: string, hint: string): Promise<string> {
  const s = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new HubError(err.code === 'ENOENT' ? `${display}: file not found; ${hint}` : `${display}: cannot read (${err.code ?? err.message})`);
  });
  return `${s.mtimeMs}:${s.size}`;
}
