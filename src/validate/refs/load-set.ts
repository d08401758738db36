import type { Diagnostic } from '../../core/diagnostic.js';
import type { FileReader } from '../io.js';
import { loadSource } from '../load.js';
import type { DocumentSet, OasVersion, SourceFile } from '../types.js';
import { walkRefs } from '../walk.js';
import { parseRef } from './ref-target.js';

export interface LoadSetOptions {
  reader: FileReader;
  /** For display paths. */
  projectRoot: string;
  refRoot: string;
  allowRemoteRefs: boolean;
  /** The size limit of one file (bytes). */
  maxFileBytes?: number;
  /** Find refs by walking the parsed data instead of scanning the text (exact, slower). */
  walkData?: boolean;
}

/**
 * Load every file the root's `$ref`s reach, breadth-first and in parallel per
 * level. Each file is read once, however many refs point at it, so circular refs
 * terminate. Refs outside the ref root and remote refs are never followed.
 * Returns the problems of referenced files that exist but cannot be parsed.
 *
 * Refs to other files are found by scanning each file's text (`refsInText`),
 * not by walking its data: the one walk over the data is the lint walk, which
 * reports any ref this scan missed (then the set is loaded again with `walkData`).
 */
export async function loadDocumentSet(root: SourceFile, version: OasVersion, options: LoadSetOptions): Promise<{ set: DocumentSet; problems: Diagnostic[] }> {
  const files = new Map<string, SourceFile>([[root.path, root]]);
  const missing = new Map<string, string>();
  const problems: Diagnostic[] = [];
  let level: SourceFile[] = [root];
  while (level.length > 0) {
    const wanted = new Set<string>();
    for (const file of level) {
      const onRef = (ref: string): void => {
        const t = parseRef(ref, file.path, options.refRoot);
        if (t.kind !== 'local' || !t.external || t.outsideRoot) return;
        if (!files.has(t.path) && !missing.has(t.path)) wanted.add(t.path);
      };
      if (options.walkData) walkRefs(file, onRef);
      else for (const ref of refsInText(file.text)) onRef(ref);
    }
    const loaded = await Promise.all(
      [...wanted].map((p) => loadSource(p, options.reader, options.projectRoot, options.maxFileBytes).then((r) => [p, r] as const)),
    );
    level = [];
    for (const [path, result] of loaded) {
      if (result.ok) {
        files.set(path, result.file);
        level.push(result.file);
      } else if (result.problem.ruleId === 'file-unreadable') {
        missing.set(path, result.reason.replace(/^cannot read the file: /, ''));
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

const REF = /\$ref["']?[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s,}\]#'"][^\s,}\]]*))/g;

/**
 * The values of `$ref` keys in JSON or YAML text that name another file (not
 * `#...`). A cheap over-approximation of the refs in the data: a `$ref` in a
 * description string only makes the loader read one more file.
 */
export function refsInText(text: string): string[] {
  const out = new Set<string>();
  const i = text.indexOf('$ref');
  if (i === -1) return [];
  REF.lastIndex = i;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    let v: string;
    if (m[1] !== undefined) {
      if (m[1].startsWith('#')) continue;
      try {
        v = JSON.parse(`"${m[1]}"`) as string;
      } catch {
        v = m[1];
      }
    } else if (m[2] !== undefined) {
      if (m[2].startsWith('#')) continue;
      v = m[2].replace(/''/g, "'");
    } else v = m[3]!;
    if (v !== '' && !v.startsWith('#')) out.add(v);
  }
  return [...out];
}
