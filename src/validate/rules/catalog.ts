import { REDOCLY_RULE_NAMES, redoclySetting, type RedoclyPreset } from '../config/redocly-presets.js';
import type { OasVersion } from '../types.js';
import { rules } from './index.js';

const VERSIONS: readonly OasVersion[] = ['2.0', '3.0', '3.1', '3.2'];
const PRESETS: readonly RedoclyPreset[] = ['minimal', 'recommended', 'all'];

export interface RuleEntry {
  id: string;
  /** api-hub's default (no redocly.yaml): error, warn or off; `-` where api-hub has no such rule. */
  hub: string;
  /** The setting under each Redocly preset, per version where they differ (`3.0: error, 3.1: warn`). */
  presets: Record<RedoclyPreset, string>;
  /** `yes`, `via <rule>` (Redocly checks it within another rule), or `no`. */
  redocly: string;
  implemented: boolean;
  description: string;
}

/**
 * Every rule api-hub runs and every OpenAPI rule of Redocly's, with the setting each
 * gets without a config and under Redocly's presets (`api-hub validate --list-rules`).
 */
export function ruleCatalog(): RuleEntry[] {
  const out: RuleEntry[] = [
    {
      id: 'struct',
      hub: 'error',
      presets: { minimal: 'error', recommended: 'error', 'recommended-strict': 'error', all: 'error', spec: 'error' },
      redocly: 'yes',
      implemented: true,
      description: "Structure against the official OpenAPI JSON Schema of the document's version.",
    },
  ];
  const settingsOf = (id: string, base: string, versions: readonly OasVersion[], redocly: string | undefined): Record<RedoclyPreset, string> => {
    const one = (preset: RedoclyPreset): string => {
      const per = versions.map((v) => {
        const theirs = redoclySetting(preset, redocly ?? id, v);
        if (theirs !== undefined) return theirs;
        if (preset === 'all' && base !== '-') return 'error';
        return base;
      });
      return per.every((s) => s === per[0]) ? per[0]! : versions.map((v, i) => `${v}: ${per[i]}`).join(', ');
    };
    return { minimal: one('minimal'), recommended: one('recommended'), 'recommended-strict': one('recommended-strict'), all: one('all'), spec: one('spec') };
  };
  for (const rule of Object.values(rules)) {
    const versions = rule.versions ?? VERSIONS;
    out.push({
      id: rule.id,
      hub: rule.severity,
      presets: settingsOf(rule.id, rule.severity, versions, rule.redocly),
      redocly: REDOCLY_RULE_NAMES.has(rule.id) ? 'yes' : rule.redocly ? `via ${rule.redocly}` : 'no',
      implemented: true,
      description: rule.description,
    });
  }
  for (const id of [...REDOCLY_RULE_NAMES].sort()) {
    if (id === 'struct' || Object.hasOwn(rules, id)) continue;
    const versions = VERSIONS.filter((v) => PRESETS.some((p) => redoclySetting(p, id, v) !== undefined));
    out.push({
      id,
      hub: '-',
      presets: settingsOf(id, '-', versions, undefined),
      redocly: 'yes',
      implemented: false,
      description: 'Not implemented by api-hub: named (a warning) in every run whose config turns it on.',
    });
  }
  return out;
}

/** The catalog as a plain-text table. */
export function formatRuleCatalog(entries: readonly RuleEntry[]): string {
  const head = ['rule', 'api-hub', 'minimal', 'recommended', 'all', 'Redocly'];
  const rows = entries.map((e) => [e.id, e.implemented ? e.hub : 'not implemented', e.presets.minimal, e.presets.recommended, e.presets.all, e.redocly]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    ...rows.map(line),
    '',
    'api-hub: the default without a redocly.yaml. minimal, recommended, all: the setting under that preset of `extends:` in redocly.yaml',
    '(recommended-strict: recommended with warnings as errors). Redocly: whether Redocly CLI has the rule (via X: Redocly checks it within X).',
    '',
  ].join('\n');
}
