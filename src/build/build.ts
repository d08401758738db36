import { cmp, compareDiagnostics } from '../core/diagnostic.js';
import { sha256 } from '../core/hash.js';
import { cloneJson, isObject } from '../core/json.js';
import type { BuildFinding, Obj, Pass, SourceDocument } from './types.js';
import { mergeDocuments, type Rename, type SharedComponent } from './merge.js';
import { upgradeTo31 } from './passes/upgrade-to-31.js';
import { tupleItems } from './passes/tuple-items.js';
import { nonStandardKeywords } from './passes/nonstandard-keywords.js';
import { danglingRefs, type DanglingPolicy } from './passes/dangling-refs.js';
import { falOperations, falLabels, FAL_SECURITY_SCHEME, FAL_SERVER } from './passes/fal-operations.js';
import { providerOperations } from './passes/provider-operations.js';
import { knownModelIds } from './passes/known-model-ids.js';
import { falOperationBases } from './naming.js';
import { HTTP_METHODS } from './schema-walk.js';

export interface Exclusion {
  provider: string;
  id: string;
  reason: string;
}

export interface BuildInput {
  sources: SourceDocument[];
  /** Models known to the listing that have no usable document. */
  excluded: Exclusion[];
  /** Model ids per catalog name, for `x-hub-known-values` schemas. */
  catalogs: Record<string, string[]>;
  /** Security schemes per provider, added to the merged components. */
  securitySchemes: Record<string, Obj>;
}

export interface BuildOptions {
  danglingRefs?: DanglingPolicy;
  /** Names of passes to switch off. */
  disable?: readonly string[];
}

export interface BuildReport {
  summary: {
    sources: Record<string, { documents: number; included: number; excluded: number }>;
    paths: number;
    operations: number;
    components: Record<string, number>;
    sharedComponents: number;
    renamedComponents: number;
    prunedComponents: number;
    findings: Record<string, number>;
  };
  passes: Array<{ name: string; description: string }>;
  excluded: Exclusion[];
  renames: Rename[];
  shared: SharedComponent[];
  findings: BuildFinding[];
}

export interface BuildOutput {
  document: Obj;
  report: BuildReport;
  /** Errors that make the build fail (conflicts). */
  errors: BuildFinding[];
}

/**
 * The build: normalize every provider document with named passes, merge them
 * into one OAS 3.1 document, and account for every change in the report. Pure:
 * the input is cloned, never mutated, and the output depends only on the input.
 */
export function buildUnified(input: BuildInput, options: BuildOptions = {}): BuildOutput {
  const disabled = new Set(options.disable ?? []);
  const sources = [...input.sources].sort((a, b) => cmp(a.provider, b.provider) || cmp(a.sourceId, b.sourceId)).map((s) => ({ ...s, doc: cloneJson(s.doc) }));
  const fal = sources.filter((s) => s.provider === 'fal');
  const bases = falOperationBases(fal.map((s) => s.sourceId));
  const naming = { bases: bases.bases, labels: falLabels(fal.map((s) => ({ id: s.sourceId, displayName: s.meta?.displayName }))) };
  const passes: Pass[] = [
    upgradeTo31,
    tupleItems,
    nonStandardKeywords,
    danglingRefs(options.danglingRefs ?? 'patch'),
    ...Object.entries(input.catalogs).map(([name, ids]) => knownModelIds(name, ids)),
    falOperations(naming),
    ...[...new Set(sources.map((s) => s.provider))].filter((p) => p !== 'fal').map((p) => providerOperations(p, providerLabel(p))),
  ].filter((p) => !disabled.has(p.name));

  const findings: BuildFinding[] = [];
  for (const c of bases.collisions) {
    findings.push({ ruleId: 'operation-id-collision', severity: 'warn', provider: 'fal', sourceId: c.ids[0]!, message: `endpoint ids ${c.ids.join(', ')} map to the same operationId base ${c.base}; suffixed _2, _3… in id order`, pointer: '' });
  }
  const excluded = [...input.excluded];
  const kept: SourceDocument[] = [];
  for (const src of sources) {
    for (const pass of passes) {
      if (pass.providers && !pass.providers.includes(src.provider)) continue;
      pass.run(src, {
        report: (f) => findings.push({ ...f, file: f.file ?? src.file, provider: src.provider, sourceId: src.sourceId }),
      });
    }
    const q = src.doc['x-hub-quarantined'];
    if (typeof q === 'string') excluded.push({ provider: src.provider, id: src.sourceId, reason: `quarantined: ${q}` });
    else kept.push(src);
  }

  const merged = mergeDocuments(kept);
  findings.push(...merged.findings);
  const errors = findings.filter((f) => f.severity === 'error');

  const components: Obj = {};
  for (const section of Object.keys(merged.components).sort(cmp)) components[section] = sortKeys(merged.components[section]!);
  components.securitySchemes = sortKeys(input.securitySchemes);
  const paths = sortKeys(merged.paths);

  const tags = new Map<string, string>();
  let operations = 0;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      operations++;
      if (Array.isArray(op.tags)) for (const t of op.tags) if (typeof t === 'string' && !tags.has(t)) tags.set(t, tagDescription(t));
    }
  }
  const fingerprint = sha256(sources.map((s) => `${s.provider}:${s.sourceId}:${s.sha256}`).join('\n')).slice(0, 12);
  const document: Obj = {
    openapi: '3.1.0',
    info: {
      title: 'BananaStudio API Hub: unified AI model APIs',
      version: `1.0.0+${fingerprint}`,
      description:
        'One OpenAPI 3.1 document for every model the studio calls, built by `api-hub build` from the provider snapshots under specs/providers/. ' +
        'FAL models run on the queue at https://queue.fal.run (header `Authorization: Key <FAL_KEY>`); Comet API endpoints are at https://api.cometapi.com (header `Authorization: Bearer <COMET_API_KEY>`). ' +
        'Every operation carries `x-hub-source`, naming the provider document it came from. Do not edit by hand: change the snapshot or add an overlay, then rebuild.',
      license: { name: 'Provider terms apply (FAL, Comet API)', url: 'https://fal.ai/terms' },
    },
    servers: [
      { url: FAL_SERVER, description: 'FAL queue (FAL operations override this per path)' },
      { url: 'https://api.cometapi.com', description: 'Comet API (Comet operations override this per path)' },
    ],
    tags: [...tags.entries()].sort(([a], [b]) => cmp(a, b)).map(([name, description]) => ({ name, description })),
    paths,
    components,
  };

  const countBy = new Map<string, number>();
  for (const f of findings) countBy.set(f.ruleId, (countBy.get(f.ruleId) ?? 0) + 1);
  const perProvider: BuildReport['summary']['sources'] = {};
  for (const s of sources) (perProvider[s.provider] ??= { documents: 0, included: 0, excluded: 0 }).documents++;
  for (const s of kept) perProvider[s.provider]!.included++;
  for (const e of excluded) (perProvider[e.provider] ??= { documents: 0, included: 0, excluded: 0 }).excluded++;
  const componentCounts: Record<string, number> = {};
  for (const [section, sec] of Object.entries(components)) if (isObject(sec)) componentCounts[section] = Object.keys(sec).length;

  const report: BuildReport = {
    summary: {
      sources: sortKeys(perProvider),
      paths: Object.keys(paths).length,
      operations,
      components: componentCounts,
      sharedComponents: merged.shared.length,
      renamedComponents: merged.renames.length,
      prunedComponents: merged.pruned,
      findings: Object.fromEntries([...countBy].sort(([a], [b]) => cmp(a, b))),
    },
    passes: passes.map((p) => ({ name: p.name, description: p.description })),
    excluded: excluded.sort((a, b) => cmp(a.provider, b.provider) || cmp(a.id, b.id)),
    renames: merged.renames,
    shared: merged.shared.sort((a, b) => b.sources - a.sources || cmp(a.section, b.section) || cmp(a.name, b.name)),
    findings: findings.sort((a, b) => cmp(a.provider, b.provider) || cmp(a.sourceId, b.sourceId) || compareDiagnostics(a, b)),
  };
  return { document, report, errors };
}

export const DEFAULT_SECURITY_SCHEMES: Record<string, Obj> = {
  [FAL_SECURITY_SCHEME]: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'FAL key, sent as `Authorization: Key <FAL_KEY>`.',
  },
};

function providerLabel(provider: string): string {
  return provider === 'comet' ? 'Comet' : provider.charAt(0).toUpperCase() + provider.slice(1);
}

function tagDescription(tag: string): string {
  const [provider, category] = tag.split('/');
  if (provider === 'fal' && category) return `FAL models in the ${category} category (queue API: submit, status, result, cancel).`;
  return `${tag} operations.`;
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort(cmp)) out[k] = obj[k]!;
  return out;
}
