import yaml from 'js-yaml';
import { cmp, type Diagnostic } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';
import { CORE_SCHEMA_FAST } from '../../core/yaml-schema.js';

/** file (as displayed) -> rule id -> stable ids (see stable-id.ts). */
export type IgnoreList = Map<string, Map<string, Set<string>>>;

export interface Identified {
  ruleId: string;
  file?: string;
  stableId?: string;
}

/**
 * The ignore (baseline) file: known problems to leave out of the output,
 * keyed by file, rule and a stable id, never by a pointer or line:
 *
 * ```yaml
 * specs/openapi.yaml:
 *   operation-2xx-response:
 *     - operation falSubmitFluxDev
 *     - components/schemas/QueueStatus
 * ```
 */
export function parseIgnoreFile(text: string, display: string): { ignore: IgnoreList; problems: Diagnostic[] } {
  const ignore: IgnoreList = new Map();
  const problems: Diagnostic[] = [];
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : yaml.load(text, { schema: CORE_SCHEMA_FAST });
  } catch (err) {
    const mark = (err as { mark?: { line?: number; column?: number } }).mark;
    problems.push({
      ruleId: 'ignore-file',
      severity: 'error',
      message: `invalid YAML: ${(err as { reason?: string }).reason ?? String(err)}`,
      file: display,
      pointer: '',
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
    });
    return { ignore, problems };
  }
  if (data === null || data === undefined) return { ignore, problems };
  if (!isObject(data)) {
    problems.push({
      ruleId: 'ignore-file',
      severity: 'error',
      message: 'the ignore file must map file names to rules to lists of ids',
      file: display,
      pointer: '',
    });
    return { ignore, problems };
  }
  for (const [file, rules] of Object.entries(data)) {
    if (!isObject(rules)) {
      problems.push({
        ruleId: 'ignore-file',
        severity: 'error',
        message: `\`${file}\` must map rule ids to lists of ids`,
        file: display,
        pointer: pointer(file),
      });
      continue;
    }
    const byRule = new Map<string, Set<string>>();
    for (const [rule, ids] of Object.entries(rules)) {
      if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) {
        problems.push({
          ruleId: 'ignore-file',
          severity: 'error',
          message: `\`${file}\` / \`${rule}\` must be a list of ids (strings)`,
          file: display,
          pointer: pointer(file, rule),
        });
        continue;
      }
      byRule.set(rule, new Set(ids as string[]));
    }
    ignore.set(file, byRule);
  }
  return { ignore, problems };
}

export function isIgnored(ignore: IgnoreList, p: Identified): boolean {
  if (p.stableId === undefined) return false;
  return (
    ignore
      .get(p.file ?? '')
      ?.get(p.ruleId)
      ?.has(p.stableId) ?? false
  );
}

/** The ignore file that silences exactly these problems (sorted, deterministic). */
export function formatIgnoreFile(problems: readonly Identified[]): string {
  const tree = new Map<string, Map<string, Set<string>>>();
  for (const p of problems) {
    if (p.stableId === undefined) continue;
    const file = p.file ?? '';
    let rules = tree.get(file);
    if (!rules) tree.set(file, (rules = new Map()));
    let ids = rules.get(p.ruleId);
    if (!ids) rules.set(p.ruleId, (ids = new Set()));
    ids.add(p.stableId);
  }
  let out =
    '# Known problems that `api-hub validate` leaves out of its output (a baseline).\n' +
    '# Written by `api-hub validate --generate-ignore-file`; keyed by file, rule and a stable id\n' +
    '# (`operation <operationId>`, `components/<kind>/<name>`, or a JSON pointer), not by line.\n' +
    '# Remove an entry to see its problems again.\n';
  if (tree.size === 0) return out + '{}\n';
  for (const file of [...tree.keys()].sort(cmp)) {
    out += `${yamlKey(file)}:\n`;
    const rules = tree.get(file)!;
    for (const rule of [...rules.keys()].sort(cmp)) {
      out += `  ${yamlKey(rule)}:\n`;
      for (const id of [...rules.get(rule)!].sort(cmp)) out += `    - ${JSON.stringify(id)}\n`;
    }
  }
  return out;
}

function yamlKey(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) && !/^[-.]/.test(s) ? s : JSON.stringify(s);
}
