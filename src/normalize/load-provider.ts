import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { cmp, type Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { isObject } from '../core/json.js';
import { displayPath, isInside } from '../core/paths.js';
import { type BundleResult, bundleFileSet, type FileSet, isUrl, loadFileSet, type LocationReader, type OasFamily } from './bundle/index.js';
import type { BuildConfig, ProviderConfig } from './config.js';
import { upgradeSwagger2 } from './upgrade-swagger2.js';
import { selectPaths } from './select-paths.js';
import { loadOverlayFiles } from './load-overlays.js';
import { applyOverlay } from './overlay/index.js';
import type { BuildFinding, Obj, SourceDocument } from './types.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/**
 * Read a provider declared in api-hub.config.yaml: its document by path or
 * URL, every file its `$ref`s reach bundled into one document, and a Swagger
 * 2.0 document converted to OpenAPI 3.0 (the passes take it on to 3.1).
 * What bundling and conversion did is returned as findings for the report.
 * A source that cannot be read, parsed or bundled is a HubError (exit 2).
 */
export async function loadProvider(
  root: string,
  provider: ProviderConfig,
  build: BuildConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<{ source: SourceDocument; findings: BuildFinding[] }> {
  const remote = isUrl(provider.source);
  const location = remote ? new URL(provider.source).href : resolve(root, provider.source);
  const display = (loc: string) => (isUrl(loc) ? loc : displayPath(root, loc));
  const timeout = build.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const read: LocationReader = (loc) => (isUrl(loc) ? fetchText(loc, timeout, fetchImpl) : readFile(loc, 'utf8'));
  // Like `validate`: refs stay inside the project, or inside the source's own directory when it lies outside.
  const confine = remote ? root : isInside(root, location) ? root : dirname(location);
  const fail = (message: string, diagnostics: Diagnostic[] = []) => new HubError(`provider ${provider.name}: ${message}`, { diagnostics });

  const { set, problems } = await loadFileSet(location, { read, confine, allowRemoteRefs: build.allowRemoteRefs ?? false, display });
  const rootFile = set.files.get(location);
  if (!rootFile) throw fail(`cannot read ${display(location)}: ${set.missing.get(location) ?? 'unknown error'}`, problems);
  const family = oasFamily(rootFile.data);
  if (!family) throw fail(`${display(location)} is not an OpenAPI 2.0, 3.0, 3.1 or 3.2 document (no swagger: "2.0" or openapi: 3.x.y)`);

  const base = { provider: provider.provider ?? provider.name, sourceId: provider.name, file: display(location) };
  const findings: BuildFinding[] = problems.map((p) => ({ ...p, ...base, file: p.file ?? base.file }));
  const bundled = bundleFileSet(set, family, { confine, allowRemoteRefs: build.allowRemoteRefs ?? false });
  findings.push(...bundleFindings(bundled, base, display));
  let doc = bundled.document;
  if (family === '2.0') {
    try {
      const up = await upgradeFrom2(doc, remote ? new URL(location).protocol : undefined, base);
      doc = up.doc;
      findings.push(...up.findings);
    } catch (err) {
      throw fail(`swagger2openapi could not convert ${display(location)}: ${(err as Error).message}`);
    }
  }
  if (provider.paths) findings.push(...selectProviderPaths(doc, provider.paths, base));
  if (provider.overlays && provider.overlays.length > 0) {
    const overlays = await loadOverlayFiles(
      root,
      provider.overlays.map((o) => resolve(root, o)),
      `the overlays of provider ${provider.name}`,
    );
    for (const o of overlays) for (const f of applyOverlay(doc, o)) findings.push({ ...f, ...base, file: o.file });
  }
  const hash = sourceHash(set, bundled, location, rootFile.text);
  return { source: { ...base, sha256: hash, doc }, findings };
}

/** What every finding of a provider carries: its provider, source id and (by default) file. */
interface FindingBase {
  provider: string;
  sourceId: string;
  file: string;
}

/** `swagger: "2.0"` or `openapi: 3.0-3.2`; undefined for anything else. */
function oasFamily(data: unknown): OasFamily | undefined {
  if (!isObject(data)) return undefined;
  if (data.swagger === '2.0') return '2.0';
  return typeof data.openapi === 'string' && /^3\.[0-2]\./.test(data.openapi) ? '3.x' : undefined;
}

/** The bundler's findings, and a summary of what it placed in components when there were several files. */
function bundleFindings(bundled: BundleResult, base: FindingBase, display: (loc: string) => string): BuildFinding[] {
  const findings: BuildFinding[] = bundled.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    pointer: f.pointer,
    ...base,
    file: display(f.location),
  }));
  if (bundled.files.length > 1) {
    const counts = new Map<string, number>();
    for (const h of bundled.hoisted) counts.set(h.section, (counts.get(h.section) ?? 0) + 1);
    const placed = [...counts]
      .sort(([a], [b]) => cmp(a, b))
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    findings.push({
      ruleId: 'bundle',
      severity: 'info',
      message: `bundled ${bundled.files.length} files: ${placed || 'no components'} placed in components, ${bundled.inlined} other reference(s) inlined`,
      pointer: '',
      ...base,
    });
  }
  return findings;
}

/**
 * Swagger 2.0 to OpenAPI 3.0 with swagger2openapi. `fetchedWith` is the scheme of
 * a remote source (`https:`), undefined for a local file.
 */
async function upgradeFrom2(swagger: Obj, fetchedWith: string | undefined, base: FindingBase): Promise<{ doc: Obj; findings: BuildFinding[] }> {
  const up = await upgradeSwagger2(swagger);
  const doc = up.doc;
  const findings: BuildFinding[] = [
    {
      ruleId: 'upgrade-from-2.0',
      severity: 'info',
      message: `converted from Swagger 2.0 to OpenAPI ${String(doc.openapi)} with swagger2openapi${up.patches ? ` (${up.patches} fix(es) of the source)` : ''}`,
      pointer: '/swagger',
      ...base,
    },
  ];
  // 2.0 without `schemes` means "the scheme the document was read with"; swagger2openapi leaves `//host`.
  const remote = fetchedWith !== undefined;
  const scheme = fetchedWith ?? 'https:';
  for (const server of Array.isArray(doc.servers) ? doc.servers : []) {
    if (isObject(server) && typeof server.url === 'string' && server.url.startsWith('//')) {
      findings.push({
        ruleId: 'upgrade-from-2.0',
        severity: remote ? 'info' : 'warn',
        message: `no schemes in the 2.0 document: server ${server.url} taken as ${scheme}${server.url}${remote ? ' (the scheme it was fetched with)' : ''}`,
        pointer: '/host',
        ...base,
      });
      server.url = `${scheme}${server.url}`;
    }
  }
  return { doc, findings };
}

/** The provider's `paths:` selection applied to `doc`, reported. */
function selectProviderPaths(doc: Obj, paths: readonly string[], base: FindingBase): BuildFinding[] {
  const sel = selectPaths(doc, paths);
  const parts = [
    `kept ${sel.kept.length} operation(s), left out ${sel.dropped}`,
    `${sel.pruned} component(s) only those reach`,
    ...(sel.webhooks > 0 ? [`${sel.webhooks} webhook(s)`] : []),
  ];
  const findings: BuildFinding[] = [{ ruleId: 'provider-paths', severity: 'info', message: `paths: ${parts.join(', ')}`, pointer: '/paths', ...base }];
  for (const m of sel.missing) {
    findings.push({
      ruleId: 'provider-paths-missing',
      severity: 'warn',
      message: `paths: ${m} is not in the document (renamed or removed upstream?); nothing imported for it`,
      pointer: '/paths',
      ...base,
    });
  }
  return findings;
}

/** One file: the hash of its text. Several: of every file's name and hash, so a change in any of them shows. */
function sourceHash(set: FileSet, bundled: BundleResult, location: string, rootText: string): string {
  if (bundled.files.length === 1) return sha256(rootText);
  return sha256(
    bundled.files.map((f) => `${isUrl(f) ? f : relative(dirname(location), f).split('\\').join('/')}\u0000${sha256(set.files.get(f)?.text ?? '')}`).join('\n'),
  );
}

async function fetchText(url: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.5' } });
  } catch (err) {
    const e = err as Error;
    throw new Error(e.name === 'TimeoutError' ? `no answer from ${url} within ${timeoutMs} ms` : `cannot fetch ${url}: ${e.message}`);
  }
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  return res.text();
}
