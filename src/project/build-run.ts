import { readFile } from 'node:fs/promises';
import { HubError } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import { projectPaths, displayPath } from '../core/paths.js';
import { buildRegistry, serializeRegistry } from '../registry/registry.js';
import { buildUnified, type BuildOptions, type BuildReport } from '../normalize/build.js';
import { loadBuildInput } from './build-input.js';
import { toIndexJson, toJson, toYaml } from '../normalize/serialize.js';
import { sha256 } from '../core/hash.js';
import type { BuildFinding } from '../normalize/types.js';
import { configErrors, loadConfig, type ProjectConfig } from './config.js';
import { loadSnapshots } from './snapshots.js';

export interface RunBuildResult {
  report: BuildReport;
  /** The unified document, as written (for callers that go on with it: `api-hub start`). */
  document: Record<string, unknown>;
  /** Output files (project-relative) and whether each differs from what is on disk. */
  outputs: Array<{ file: string; changed: boolean; bytes: number }>;
  stale: string[];
  /** sha256 of the unified document's YAML text (what specs/openapi.index.json records): the document's identity for caches. */
  unifiedSha256: string;
  /** The texts written for the unified document (`api-hub start` validates them without reading them back). */
  unifiedTexts: { yaml: string; indexJson: string; indexBytes: Uint8Array };
  /** Models in the listings the build read (FAL, Comet). */
  models: { fal: number; comet: number };
}

/**
 * `api-hub build`: load the snapshots, build, and write specs/openapi.yaml,
 * specs/build-report.json and data/model_registry.json. With `check`, write
 * nothing and return the outputs that are stale. Conflicts fail the build
 * before anything is written.
 */
export interface RunBuildOptions extends BuildOptions {
  check?: boolean;
  fetch?: typeof fetch;
  /**
   * Called with the unified document's JSON text as soon as it is built, before it is
   * serialized and written (`api-hub start` hands it to its generate thread).
   */
  onDocument?: (documentJson: string) => void;
  /** The project's configuration, when the caller has loaded it already (`api-hub start` validates with it too). */
  project?: ProjectConfig;
}

export async function runBuild(root: string, options: RunBuildOptions = {}): Promise<RunBuildResult> {
  const p = projectPaths(root);
  const project = options.project ?? (await loadConfig(root));
  const problems = configErrors(project.problems.build);
  if (problems.length > 0) throw new HubError(`invalid configuration (${problems[0]?.file ?? 'api-hub.config.yaml'})`, { diagnostics: problems });
  const config = project.build;
  // Read once: the build input and the registry both come from the listings.
  const snapshots = await loadSnapshots(root);
  const input = await loadBuildInput(root, config, options.fetch, snapshots);
  if (input.sources.length === 0) {
    throw new HubError('nothing to build: no provider snapshot under specs/providers/ and no provider in api-hub.config.yaml (run `api-hub fetch` first)');
  }
  const out = buildUnified(input, {
    danglingRefs: options.danglingRefs ?? config.build.danglingRefs,
    disable: [...(options.disable ?? []), ...(config.build.disablePasses ?? [])],
    // The documents were parsed for this build alone.
    consumeInput: true,
  });
  if (out.errors.length > 0) throw buildErrors(out.errors);
  const { fal, comet } = snapshots;
  const documentJson = JSON.stringify(out.document);
  options.onDocument?.(documentJson);
  const yaml = toYaml(out.document);
  const unifiedSha256 = sha256(yaml);
  const indexJson = toIndexJson(out.document, unifiedSha256, undefined, documentJson);
  const files: Array<[string, string]> = [
    [p.unified, yaml],
    [p.unifiedIndex, indexJson],
    [p.buildReport, toJson(out.report)],
    [p.registry, serializeRegistry(buildRegistry(fal, comet))],
  ];
  const outputs: RunBuildResult['outputs'] = [];
  // Compared as bytes: decoding the old 5 MB document to a string costs more than encoding the new one.
  const bytes = files.map(([, content]) => Buffer.from(content, 'utf8'));
  for (const [i, [path]] of files.entries()) {
    const old = await readFile(path).catch(() => undefined);
    const now = bytes[i]!;
    outputs.push({ file: displayPath(root, path), changed: old === undefined || !old.equals(now), bytes: now.length });
  }
  if (!options.check) {
    for (const [i, [path]] of files.entries()) if (outputs[i]!.changed) await writeFileAtomic(path, bytes[i]!);
  }
  return {
    report: out.report,
    document: out.document,
    unifiedSha256,
    unifiedTexts: { yaml, indexJson, indexBytes: bytes[files.findIndex(([path]) => path === p.unifiedIndex)]! },
    models: { fal: fal?.models.length ?? 0, comet: comet?.models.length ?? 0 },
    outputs,
    stale: outputs.filter((o) => o.changed).map((o) => o.file),
  };
}

function buildErrors(errors: BuildFinding[]): HubError {
  const conflicts = errors.filter((e) => e.ruleId.endsWith('-conflict')).length;
  const what = conflicts === errors.length ? `${errors.length} conflict(s)` : `${errors.length} error(s)${conflicts ? `, ${conflicts} of them conflicts` : ''}`;
  return new HubError(`the build found ${what}; nothing was written`, { diagnostics: errors });
}
