import { stringify } from 'yaml';

/**
 * The unified document as YAML: no anchors or aliases (shared objects are
 * written out), no line folding, so that diffs show only real change.
 */
export function toYaml(doc: unknown): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0, indent: 2 });
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
