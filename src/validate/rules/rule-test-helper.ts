import yaml from 'js-yaml';
import type { Severity } from '../../core/diagnostic.js';
import { lintDocumentSet } from '../lint.js';
import { CORE_SCHEMA_FAST } from '../../core/yaml-schema.js';
import type { OasVersion, SourceFile } from '../types.js';
import type { Rule } from './rule.js';

export interface RuleHit {
  pointer: string;
  message: string;
  severity: Severity;
}

/**
 * Run one rule over an inline YAML document (for the tests beside each rule):
 * no structural check, no other rules. Extra files can be given by path.
 */
export async function runRule(rule: Rule, text: string, files: Record<string, string> = {}): Promise<RuleHit[]> {
  return (await runRuleWithSuggestions(rule, text, files)).map(({ suggestion: _, ...hit }) => hit);
}

/** `runRule`, with each finding's `suggestion` (when it has one). */
export async function runRuleWithSuggestions(rule: Rule, text: string, files: Record<string, string> = {}): Promise<Array<RuleHit & { suggestion?: string }>> {
  const load = (path: string, t: string): SourceFile => ({
    path,
    display: path.slice(1),
    data: yaml.load(t, { schema: CORE_SCHEMA_FAST }),
    text: t,
    format: 'yaml',
  });
  const root = load('/api/openapi.yaml', text);
  const data = root.data as Record<string, unknown>;
  const version: OasVersion = data.swagger === '2.0' ? '2.0' : (String(data.openapi).slice(0, 3) as OasVersion);
  const all = new Map<string, SourceFile>([[root.path, root]]);
  for (const [p, t] of Object.entries(files)) all.set(`/api/${p}`, load(`/api/${p}`, t));
  const { findings } = await lintDocumentSet(
    { root, version, files: all, missing: new Map(), refRoot: '/api', allowRemoteRefs: false },
    { rules: { [rule.id]: rule }, configured: new Map([['struct', 'off']]) },
  );
  return findings.map((f) => ({
    pointer: (f.file === root ? '' : `${f.file.display}#`) + f.pointer,
    message: f.message,
    severity: f.severity,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
  }));
}
