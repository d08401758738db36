import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { countBySeverity } from '../core/diagnostic.js';
import { isInside } from '../core/paths.js';
import { configuredRules } from './config/config.js';
import { unsupportedRules } from './config/unsupported.js';
import { findProjectRoot } from './config/find.js';
import type { Finding } from './finding.js';
import { isIgnored } from './ignore/ignore-file.js';
import { stableId } from './ignore/stable-id.js';
import { nodeFileReader, type FileReader } from './io.js';
import { lintDocumentSet } from './lint.js';
import { loadSource, type LoadHooks, type Twin, type TwinBytes } from './load.js';
import { compareByPosition, locateFindings } from './locate.js';
import { loadDocumentSet } from './refs/load-set.js';
import type { OasVersion, Problem, SourceFile, ValidateOptions, ValidateResult } from './types.js';
import { detectVersion } from './version.js';
import { PARALLEL_MIN_BYTES, secondThreadPays, startStructWorker, type StructWorker } from './struct/parallel.js';

export interface ValidateFilesOptions extends ValidateOptions {
  /** Where files are read from; the file system by default. */
  reader?: FileReader;
  /**
   * How far `$ref`s may reach: `root` (the default) keeps them inside `root`, or inside the
   * root file's folder when it lies outside `root` (the MCP server, push); `project` lets them
   * reach anywhere in the file's project, the nearest folder above it that holds a redocly.yaml,
   * a package.json or .git (the CLI, whatever the working directory).
   */
  refBoundary?: 'root' | 'project';
  /** Check the structure of large files on a second thread (default: when the machine has more than two CPUs, see struct/parallel.ts). */
  parallel?: boolean;
  /**
   * Called with each root file once it is read and parsed (before it is checked), so a caller
   * can reuse the parsed data instead of parsing the text again. Not called for a file that
   * cannot be read or parsed. Kept out of the result, which is serialized (the CLI's cache).
   */
  onRootLoaded?(file: SourceFile): void;
  /** A root file's parsed twin (the project's JSON index of its built document), to skip the parse: see load.ts. */
  twin?: LoadHooks['twin'];
}

/**
 * Validate each file as the root of an OpenAPI description: structure against
 * the official schema, every `$ref` (other files are loaded and checked too),
 * and the semantic rules. A file that cannot be read or parsed, or is not
 * OpenAPI, is reported as a problem of that file (`fatal`), and the other
 * files are still validated.
 */
export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions): Promise<ValidateResult> {
  const reader = options.reader ?? nodeFileReader;
  const problems: Problem[] = [];
  const findings: Array<Finding & { stableId: string }> = [];
  const sources: Array<{ root: string; files: string[] }> = [];
  const documents: Array<{ version: OasVersion; root: string }> = [];
  let fatal = false;
  const fail = (d: Diagnostic): void => {
    fatal = true;
    problems.push({ ...d, pointer: d.pointer ?? '', line: d.line ?? 1, column: d.column ?? 1 });
  };
  for (const p of paths) {
    const path = resolve(options.root, p);
    // A large document, on a machine where a second thread pays: the structural check gets a thread
    // of its own, started now so that it boots while this one parses (see struct/parallel.ts).
    const size = (options.parallel ?? secondThreadPays()) && reader.size ? await reader.size(path).catch(() => 0) : 0;
    const worker = size > PARALLEL_MIN_BYTES ? startStructWorker() : undefined;
    try {
      await validateOne(path, worker);
    } finally {
      worker?.stop();
    }
  }

  async function validateOne(path: string, worker: StructWorker | undefined): Promise<void> {
    const loaded = await loadSource(path, reader, options.root, options.maxFileBytes, {
      ...(options.twin ? { twin: options.twin } : {}),
      ...(worker ? handOver(worker) : {}),
    });
    if (!loaded.ok) {
      fail(loaded.problem);
      return;
    }
    options.onRootLoaded?.(loaded.file);
    const version = detectVersion(loaded.file.data, loaded.file.display);
    if (!version.ok) {
      const [located] = locateFindings([{ ...version.problem, pointer: version.problem.pointer ?? '', file: loaded.file }]);
      if (located) fail(located);
      return;
    }
    documents.push({ version: version.version, root: path });
    const structErrors = worker?.check(version.version);
    const setOptions = {
      reader,
      projectRoot: options.root,
      refRoot:
        (options.refBoundary === 'project' ? findProjectRoot(dirname(path)) : undefined) ?? (isInside(options.root, path) ? options.root : dirname(path)),
      allowRemoteRefs: options.allowRemoteRefs ?? options.config?.allowRemoteRefs ?? false,
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    };
    const configured = options.config ? configuredRules(options.config, version.version, path) : undefined;
    const settings = { ...(configured ? { configured } : {}), ...(options.config ? { preset: options.config.preset } : {}) };
    let { set, problems: loadProblems } = await loadDocumentSet(loaded.file, version.version, setOptions);
    let lint = await lintDocumentSet(set, { ...settings, ...(structErrors ? { structErrors } : {}) });
    if (lint.walk.unloaded.size > 0) {
      // The text scan missed a ref to another file (unusual quoting): load by walking the data, and lint again.
      ({ set, problems: loadProblems } = await loadDocumentSet(loaded.file, version.version, { ...setOptions, walkData: true }));
      lint = await lintDocumentSet(set, settings);
    }
    loadProblems.forEach(fail);
    sources.push({ root: path, files: [...set.files.keys(), ...set.missing.keys()] });
    for (const f of lint.findings) findings.push({ ...f, stableId: stableId(f.file.data, f.pointer, set.version, f.file === set.root) });
  }
  let ignoredCount = 0;
  const kept = options.ignore
    ? findings.filter((f) => {
        const ignored = isIgnored(options.ignore!, { ruleId: f.ruleId, file: f.file.display, stableId: f.stableId });
        if (ignored) ignoredCount++;
        return !ignored;
      })
    : findings;
  problems.push(...dedupe(locateFindings(kept)));
  // Rules the configuration turns on that api-hub does not have: named, never skipped in silence.
  if (options.config)
    for (const d of unsupportedRules(options.config, documents)) problems.push({ ...d, pointer: d.pointer ?? '', line: d.line ?? 1, column: d.column ?? 1 });
  problems.sort(compareByPosition);
  const { errors, warnings } = countBySeverity(problems);
  return { problems, errorCount: errors, warningCount: warnings, fatal, ignoredCount, sources };
}

/** The hooks that hand the file (or its twin) to the second thread as soon as it is read. */
function handOver(worker: StructWorker): Pick<LoadHooks, 'onTwinBytes' | 'onText'> {
  return {
    onTwinBytes: (twin: TwinBytes) => worker.twin(twin),
    onText: (text: string, strictJson: boolean, twin: Twin | undefined, bytes?: Uint8Array) => worker.parse(text, strictJson, twin, bytes),
  };
}

/** Two entry files sharing a referenced file would report its problems twice. */
function dedupe(list: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.file}\u0000${d.pointer}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
