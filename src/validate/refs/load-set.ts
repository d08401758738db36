import type { Diagnostic } from '../../core/diagnostic.js';
import type { FileReader } from '../io.js';
import { loadSource } from '../load.js';
import type { DocumentSet, OasVersion, SourceFile } from '../types.js';
import { walk } from '../walk.js';
import { parseRef } from './ref-target.js';

export interface LoadSetOptions {
  reader: FileReader;
  /** For display paths. */
  projectRoot: string;
  refRoot: string;
  allowRemoteRefs: boolean;
}

/**
 * Load every file the root's `$ref`s reach, breadth-first and in parallel per
 * level. Each file is read once, however many refs point at it, so circular refs
 * terminate. Refs outside the ref root and remote refs are never followed.
 * Returns the problems of referenced files that exist but cannot be parsed.
 */
export async function loadDocumentSet(root: SourceFile, version: OasVersion, options: LoadSetOptions): Promise<{ set: DocumentSet; problems: Diagnostic[] }> {
  const files = new Map<string, SourceFile>([[root.path, root]]);
  const missing = new Map<string, string>();
  const problems: Diagnostic[] = [];
  let level: SourceFile[] = [root];
  while (level.length > 0) {
    const wanted = new Set<string>();
    for (const file of level) {
      walk(file, [
        {
          Ref(ref) {
            const t = parseRef(ref, file.path, options.refRoot);
            if (t.kind !== 'local' || !t.external || t.outsideRoot) return;
            if (!files.has(t.path) && !missing.has(t.path)) wanted.add(t.path);
          },
        },
      ]);
    }
    const loaded = await Promise.all([...wanted].map((p) => loadSource(p, options.reader, options.projectRoot).then((r) => [p, r] as const)));
    level = [];
    for (const [path, result] of loaded) {
      if (result.ok) {
        files.set(path, result.file);
        level.push(result.file);
      } else if (result.problem.ruleId === 'file-unreadable') {
        missing.set(path, result.reason);
      } else {
        // The file exists but is not valid JSON/YAML: a problem of that file.
        missing.set(path, `cannot be parsed (${result.reason})`);
        problems.push(result.problem);
      }
    }
  }
  return {
    set: { root, version, files, missing, refRoot: options.refRoot, allowRemoteRefs: options.allowRemoteRefs },
    problems,
  };
}
