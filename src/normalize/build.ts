import { cmp, compareDiagnostics } from '../core/diagnostic.js';
import { sha256 } from '../core/hash.js';
import { cloneJson, isObject } from '../core/json.js';
import { runPasses } from './run-passes.js';
import type { BuildFinding, Obj, Pass, PassContext, SourceDocument } from './types.js';
import { type MergeResult, mergeDocuments, pruneUnreachable, type Rename, type SharedComponent } from './merge.js';
import type { ProviderConfig } from './config.js';
import { applyOverlay, type OverlayFile } from './overlay/index.js';
import { mergeSecuritySchemes } from './security-schemes.js';
import { from32 } from './passes/from-32.js';
import { providerServer } from './passes/provider-server.js';
import { operationIdUrlSafe } from './passes/operation-id-url-safe.js';
import { schemaTypeMismatch } from './passes/schema-type-mismatch.js';
import { serverUrls } from './passes/server-urls.js';
import { providerPrefix, type Conflicts } from './passes/provider-prefix.js';
import { upgradeTo31 } from './passes/upgrade-to-31.js';
import { nullableIn31 } from './passes/nullable-in-31.js';
import { tupleItems } from './passes/tuple-items.js';
import { nonStandardKeywords } from './passes/nonstandard-keywords.js';
import { danglingRefs, type DanglingPolicy } from './passes/dangling-refs.js';
import { falOperations, falLabels, FAL_SECURITY_SCHEME, FAL_SERVER, type FalNaming } from './passes/fal-operations.js';
import { providerOperations } from './passes/provider-operations.js';
import { providerBasePath } from './passes/provider-base-path.js';
import { discriminatorMapping } from './passes/discriminator-mapping.js';
import { falOperationBases } from '../core/naming.js';
import { operationsOf } from './schema-walk.js';

export interface Exclusion {
  provider: string;
  id: string;
  reason: string;
}

export interface BuildInput {
  sources: SourceDocument[];
  /** Models known to the listing that have no usable document. */
  excluded: Exclusion[];
  /** Security schemes per provider, added to the merged components. */
  securitySchemes: Record<string, Obj>;
  /** Providers declared in api-hub.config.yaml (label, prefix policy, server). */
  providers?: readonly ProviderConfig[];
  /** What loading found (bundling multi-file documents, upgrading 2.0), reported with the passes' findings. */
  findings?: readonly BuildFinding[];
  /** Overlay 1.0 documents, applied in this order to the merged document. */
  overlays?: readonly OverlayFile[];
}

export interface BuildOptions {
  danglingRefs?: DanglingPolicy;
  /** Names of passes to switch off. */
  disable?: readonly string[];
  /**
   * The caller hands the source documents over (they were just parsed for
   * this build and nobody else holds them): skip the defensive deep copy.
   * The build then changes them in place.
   */
  consumeInput?: boolean;
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
  passes: Array<{ name: string; description: string; providers?: string[] }>;
  excluded: Exclusion[];
  renames: Rename[];
  shared: SharedComponent[];
  findings: BuildFinding[];
}

export interface BuildOutput {
  document: Obj;
  report: BuildReport;
  /** Errors that make the build fail: conflicts, references a bundle cannot resolve, overlays that cannot apply. */
  errors: BuildFinding[];
}

/**
 * The build: normalize every provider document with named passes, merge them
 * into one OAS 3.1 document, and account for every change in the report. Pure:
 * the input is cloned, never mutated (unless `consumeInput`), and the output
 * depends only on the input.
 */
export function buildUnified(input: BuildInput, options: BuildOptions = {}): BuildOutput {
  const disabled = new Set(options.disable ?? []);
  const sources = [...input.sources]
    .sort((a, b) => cmp(a.provider, b.provider) || cmp(a.sourceId, b.sourceId))
    .map((s) => ({ ...s, doc: options.consumeInput ? s.doc : cloneJson(s.doc) }));
  const configured = new Map((input.providers ?? []).map((p) => [p.name, p]));
  const fal = sources.filter((s) => s.provider === 'fal');
  const bases = falOperationBases(fal.map((s) => s.sourceId));
  const naming = { bases: bases.bases, labels: falLabels(fal.map((s) => ({ id: s.sourceId, displayName: s.meta?.displayName }))) };
  const passes = sourcePasses(sources, configured, naming, options.danglingRefs ?? 'patch').filter((p) => !disabled.has(p.name));

  const findings: BuildFinding[] = [...(input.findings ?? [])];
  for (const c of bases.collisions) {
    findings.push({
      ruleId: 'operation-id-collision',
      severity: 'warn',
      provider: 'fal',
      sourceId: c.ids[0]!,
      message: `endpoint ids ${c.ids.join(', ')} map to the same operationId base ${c.base}; suffixed _2, _3… in id order`,
      pointer: '',
    });
  }
  const excluded = [...input.excluded];
  const kept = runSourcePasses(sources, passes, findings, excluded);
  if (!disabled.has('provider-prefix')) runPrefixPasses(kept, configured, passes, findings);

  const sourceTags = tagDescriptions(kept);
  const security = mergeSecuritySchemes(input.securitySchemes, kept);
  findings.push(...security.findings);
  const merged = mergeDocuments(kept);
  findings.push(...merged.findings);

  const collectTags = tagCollector(sourceTags);
  let document = unifiedDocument(sources, kept, merged, security.schemes, collectTags);
  // Overlays apply to the whole merged document, in file-name order; then what they left unreachable is pruned.
  let pruned = merged.pruned;
  if (input.overlays && input.overlays.length > 0) {
    for (const o of input.overlays) {
      for (const f of applyOverlay(document, o)) findings.push({ ...f, provider: 'overlays', sourceId: o.file });
    }
    document = afterOverlays(document, collectTags, (n) => (pruned += n));
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const renames = [...merged.renames, ...security.renames];
  const report = buildReport(document, { sources, kept, excluded, passes, findings, renames, shared: merged.shared, pruned });
  return { document, report, errors };
}

/** The passes every source document goes through, in order (the prefix policy's come later: see runPrefixPasses). */
function sourcePasses(
  sources: readonly SourceDocument[],
  configured: ReadonlyMap<string, ProviderConfig>,
  naming: FalNaming,
  dangling: DanglingPolicy,
): Pass[] {
  return [
    from32,
    upgradeTo31,
    nullableIn31,
    tupleItems,
    nonStandardKeywords,
    schemaTypeMismatch,
    discriminatorMapping,
    danglingRefs(dangling),
    falOperations(naming),
    ...[...configured.values()].filter((p) => p.server).map((p) => providerServer(p.provider ?? p.name, p.server!, p.name)),
    serverUrls,
    operationIdUrlSafe,
    ...[...new Set(sources.map((s) => s.provider))].filter((p) => p !== 'fal').map((p) => providerOperations(p, configured.get(p)?.label ?? providerLabel(p))),
    ...[...configured.values()].filter((p) => p.basePath).map((p) => providerBasePath(p.provider ?? p.name, p.name, p.basePath!)),
  ];
}

/** A pass context that adds what a pass reports on `src` to `findings`, naming the source. */
function reportingTo(findings: BuildFinding[], src: SourceDocument): PassContext {
  return { report: (f) => findings.push({ ...f, file: f.file ?? src.file, provider: src.provider, sourceId: src.sourceId }) };
}

/**
 * Run the passes on each source; webhooks are reported as left out. Returns the sources kept:
 * a quarantined one goes to `excluded` instead.
 */
function runSourcePasses(sources: readonly SourceDocument[], passes: readonly Pass[], findings: BuildFinding[], excluded: Exclusion[]): SourceDocument[] {
  const kept: SourceDocument[] = [];
  for (const src of sources) {
    runPasses(passes, src, reportingTo(findings, src));
    if (isObject(src.doc.webhooks) && Object.keys(src.doc.webhooks).length > 0) {
      findings.push({
        ruleId: 'webhooks-left-out',
        severity: 'warn',
        message: `${Object.keys(src.doc.webhooks).length} webhook(s) are not part of the unified document (it describes the calls the studio makes)`,
        pointer: '/webhooks',
        provider: src.provider,
        sourceId: src.sourceId,
        file: src.file,
      });
    }
    const q = src.doc['x-hub-quarantined'];
    if (typeof q === 'string') excluded.push({ provider: src.provider, id: src.sourceId, reason: `quarantined: ${q}` });
    else kept.push(src);
  }
  return kept;
}

/**
 * The prefix policy of each configured provider that has one, run on the kept sources and added
 * to `passes`. It needs to know what clashes across documents, so it runs once all others have.
 */
function runPrefixPasses(kept: readonly SourceDocument[], configured: ReadonlyMap<string, ProviderConfig>, passes: Pass[], findings: BuildFinding[]): void {
  const prefixed = [...configured.values()].filter((p) => p.pathPrefix || p.operationIdPrefix);
  if (prefixed.length === 0) return;
  const conflicts = findConflicts(kept);
  for (const policy of prefixed) {
    const pass = providerPrefix(policy.provider ?? policy.name, policy, conflicts, policy.name);
    passes.push(pass);
    for (const src of kept) runPasses([pass], src, reportingTo(findings, src));
  }
}

/**
 * A function that adds the tags of the operations under `paths` to one growing map (tag ->
 * description, first seen first) and returns it: called on the merged paths, and again after overlays.
 */
function tagCollector(sourceTags: ReadonlyMap<string, string>): (paths: Obj) => Map<string, string> {
  const tags = new Map<string, string>();
  return (paths) => {
    for (const op of operationsOf(paths)) {
      if (Array.isArray(op.tags)) for (const t of op.tags) if (typeof t === 'string' && !tags.has(t)) tags.set(t, sourceTags.get(t) ?? tagDescription(t));
    }
    return tags;
  };
}

/** The unified document before overlays: info, servers, the tags of its operations, sorted paths and components. */
function unifiedDocument(
  sources: readonly SourceDocument[],
  kept: readonly SourceDocument[],
  merged: MergeResult,
  securitySchemes: Record<string, Obj>,
  collectTags: (paths: Obj) => Map<string, string>,
): Obj {
  const components: Obj = {};
  for (const section of Object.keys(merged.components).sort(cmp)) components[section] = sortKeys(merged.components[section]!);
  components.securitySchemes = sortKeys(securitySchemes);
  const tags = collectTags(merged.paths);
  const fingerprint = sha256(sources.map((s) => `${s.provider}:${s.sourceId}:${s.sha256}`).join('\n')).slice(0, 12);
  const extra = [...new Set(kept.map((s) => s.provider))].filter((p) => p !== 'fal' && p !== 'comet');
  return {
    openapi: '3.1.0',
    info: {
      title: 'BananaStudio API Hub: unified AI model APIs',
      version: `1.0.0+${fingerprint}`,
      description:
        'One OpenAPI 3.1 document for every model the studio calls, built by `api-hub build` from the provider snapshots under specs/providers/. ' +
        'FAL models run on the queue at https://queue.fal.run (header `Authorization: Key <FAL_KEY>`); Comet API endpoints are at https://api.cometapi.com (header `Authorization: Bearer <COMET_API_KEY>`). ' +
        (extra.length > 0 ? `Further providers from api-hub.config.yaml: ${extra.join(', ')}; their operations carry their own servers. ` : '') +
        'Every operation carries `x-hub-source`, naming the provider document it came from. Do not edit by hand: change the snapshot or add an overlay, then rebuild.',
      license: { name: 'Provider terms apply (FAL, Comet API)', url: 'https://fal.ai/terms' },
    },
    servers: [
      { url: FAL_SERVER, description: 'FAL queue (FAL operations override this per path)' },
      { url: 'https://api.cometapi.com', description: 'Comet API (Comet operations override this per path)' },
    ],
    tags: [...tags.entries()].sort(([a], [b]) => cmp(a, b)).map(([name, description]) => ({ name, description })),
    paths: sortKeys(merged.paths),
    components,
  };
}

/** What the report accounts for besides the final document. */
interface ReportInput {
  sources: readonly SourceDocument[];
  kept: readonly SourceDocument[];
  excluded: Exclusion[];
  passes: readonly Pass[];
  findings: BuildFinding[];
  /** Renames of the merge and of the security schemes, before filtering. */
  renames: Rename[];
  shared: SharedComponent[];
  pruned: number;
}

/** The build report of the final document: renames and sharing only of components it still has; lists sorted (in place). */
function buildReport(document: Obj, r: ReportInput): BuildReport {
  const paths = isObject(document.paths) ? document.paths : {};
  const finalComponents = isObject(document.components) ? document.components : {};
  const exists = (section: string, name: string) => isObject(finalComponents[section]) && (finalComponents[section] as Obj)[name] !== undefined;
  const operations = operationsOf(paths).length;

  const renames = r.renames.filter((x) => exists(x.section, x.to)).sort((a, b) => cmp(a.section, b.section) || cmp(a.from, b.from) || cmp(a.to, b.to));
  const shared = r.shared.filter((s) => exists(s.section, s.name));
  const countBy = new Map<string, number>();
  for (const f of r.findings) countBy.set(f.ruleId, (countBy.get(f.ruleId) ?? 0) + 1);
  const componentCounts: Record<string, number> = {};
  for (const [section, sec] of Object.entries(finalComponents)) if (isObject(sec)) componentCounts[section] = Object.keys(sec).length;

  return {
    summary: {
      sources: sortKeys(providerCounts(r.sources, r.kept, r.excluded)),
      paths: Object.keys(paths).length,
      operations,
      components: componentCounts,
      sharedComponents: shared.length,
      renamedComponents: renames.length,
      prunedComponents: r.pruned,
      findings: Object.fromEntries([...countBy].sort(([a], [b]) => cmp(a, b))),
    },
    passes: passList(r.passes),
    excluded: r.excluded.sort((a, b) => cmp(a.provider, b.provider) || cmp(a.id, b.id)),
    renames,
    shared: shared.sort((a, b) => b.sources - a.sources || cmp(a.section, b.section) || cmp(a.name, b.name)),
    findings: r.findings.sort((a, b) => cmp(a.provider, b.provider) || cmp(a.sourceId, b.sourceId) || compareDiagnostics(a, b)),
  };
}

/** Per provider: its documents, how many of them the document includes, how many are excluded. */
function providerCounts(
  sources: readonly SourceDocument[],
  kept: readonly SourceDocument[],
  excluded: readonly Exclusion[],
): BuildReport['summary']['sources'] {
  const perProvider: BuildReport['summary']['sources'] = {};
  for (const s of sources) (perProvider[s.provider] ??= { documents: 0, included: 0, excluded: 0 }).documents++;
  for (const s of kept) perProvider[s.provider]!.included++;
  for (const e of excluded) (perProvider[e.provider] ??= { documents: 0, included: 0, excluded: 0 }).excluded++;
  return perProvider;
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

/** Paths and operationIds that more than one document defines. */
function findConflicts(sources: readonly SourceDocument[]): Conflicts {
  const pathCount = new Map<string, number>();
  const idCount = new Map<string, number>();
  for (const s of sources) {
    if (!isObject(s.doc.paths)) continue;
    for (const path of Object.keys(s.doc.paths)) pathCount.set(path, (pathCount.get(path) ?? 0) + 1);
    for (const op of operationsOf(s.doc.paths)) {
      if (typeof op.operationId === 'string') idCount.set(op.operationId, (idCount.get(op.operationId) ?? 0) + 1);
    }
  }
  const many = (m: Map<string, number>) => new Set([...m].filter(([, n]) => n > 1).map(([k]) => k));
  return { paths: many(pathCount), operationIds: many(idCount) };
}

/**
 * After overlays: paths sorted again, components no path reaches any more
 * pruned, and tags an overlay gave to operations appended to the tag list.
 */
function afterOverlays(document: Obj, collectTags: (paths: Obj) => Map<string, string>, countPruned: (n: number) => void): Obj {
  const paths = isObject(document.paths) ? sortKeys(document.paths) : {};
  const comps = isObject(document.components) ? document.components : {};
  const sections: Record<string, Obj> = {};
  for (const [k, v] of Object.entries(comps)) if (isObject(v) && k !== 'securitySchemes') sections[k] = v;
  countPruned(pruneUnreachable(paths, sections));
  const components: Obj = {};
  for (const [k, v] of Object.entries(comps)) if (k === 'securitySchemes' || !isObject(v) || sections[k]) components[k] = v;
  const tags = Array.isArray(document.tags) ? document.tags : [];
  const named = new Set(tags.map((t) => (isObject(t) ? t.name : undefined)));
  const added = [...collectTags(paths)].filter(([name]) => !named.has(name)).map(([name, description]) => ({ name, description }));
  return { ...document, tags: [...tags, ...added], paths, components };
}

/** The report's pass list: one entry per name; per-provider instances name their providers. */
function passList(passes: readonly Pass[]): BuildReport['passes'] {
  const out: BuildReport['passes'] = [];
  const byName = new Map<string, BuildReport['passes'][number]>();
  for (const p of passes) {
    const prev = byName.get(p.name);
    if (prev) {
      if (p.providers && prev.providers) prev.providers = [...new Set([...prev.providers, ...p.providers])];
      continue;
    }
    const entry = { name: p.name, description: p.description, ...(p.providers && p.name !== 'fal-operations' ? { providers: [...p.providers] } : {}) };
    byName.set(p.name, entry);
    out.push(entry);
  }
  return out;
}

/** Tag descriptions the provider documents give (first provider in build order wins). */
function tagDescriptions(sources: readonly SourceDocument[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sources) {
    if (!Array.isArray(s.doc.tags)) continue;
    for (const t of s.doc.tags)
      if (isObject(t) && typeof t.name === 'string' && typeof t.description === 'string' && !out.has(t.name)) out.set(t.name, t.description);
  }
  return out;
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
