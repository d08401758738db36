import type { Severity } from '../core/diagnostic.js';
import type { Preset, RuleSetting } from './config/config.js';
import { redoclySetting } from './config/redocly-presets.js';
import type { Finding } from './finding.js';
import type { RawError } from './schemas/validators.js';
import { rules as allRules } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { checkStructure, STRUCT_RULE_ID } from './struct/struct-rule.js';
import type { DocumentSet, OasVersion } from './types.js';
import { walkSet, type Visitor, type WalkInfo } from './walk.js';

export interface LintOptions {
  /** Rule settings from the config (rule id -> error | warn | off). */
  configured?: ReadonlyMap<string, RuleSetting>;
  /**
   * Redocly's presets give Redocly's rules Redocly's settings for the document's version
   * (see config/redocly-presets.ts); api-hub's own rules keep their defaults, which `all`
   * makes errors and `recommended-strict` makes errors where they are warnings.
   * `api-hub` (the default, no config file): every rule at its own default.
   */
  preset?: Preset;
  /** The rule registry (tests pass a single rule). */
  rules?: Readonly<Record<string, Rule>>;
  /** The structural check of the root document as it is, already under way on another thread. */
  structErrors?: Promise<RawError[] | null>;
}

export interface LintResult {
  findings: Finding[];
  walk: WalkInfo;
}

/** The severity a rule runs at for a document, or `off`. */
export function ruleSetting(id: string, base: Severity | 'off', options: LintOptions, version: OasVersion = '3.1', redocly?: string): RuleSetting {
  return resolveSetting(id, base, options, version, redocly).setting;
}

/**
 * A rule's setting, and whether it is fixed for every finding of the rule (set in the
 * config, or by a Redocly preset for a rule of Redocly's: Redocly reports every finding
 * of a rule at the rule's severity), or only a default that a finding may lower (a
 * SHOULD within a rule of api-hub's).
 */
function resolveSetting(
  id: string,
  base: Severity | 'off',
  options: LintOptions,
  version: OasVersion,
  redocly?: string,
): { setting: RuleSetting; fixed: boolean; byPreset?: boolean } {
  const configured = options.configured?.get(id);
  if (configured) return { setting: configured, fixed: true };
  const preset = options.preset ?? 'api-hub';
  if (preset === 'api-hub') return { setting: base, fixed: false };
  if (redocly !== undefined) {
    const viaConfig = options.configured?.get(redocly);
    if (viaConfig) return { setting: viaConfig === 'off' ? 'off' : adjust(base, preset), fixed: false };
  }
  const theirs = redoclySetting(preset, redocly ?? id, version);
  if (theirs !== undefined) return { setting: theirs, fixed: true, byPreset: true };
  return { setting: adjust(base, preset), fixed: preset === 'all' };
}

function adjust(base: Severity | 'off', preset: Preset): RuleSetting {
  if (preset === 'all') return 'error';
  if (preset === 'recommended-strict' && base === 'warn') return 'error';
  return base;
}

/**
 * All checks over a loaded document set, with no I/O: one walk over the
 * description with every enabled rule's visitors, then the structural check of
 * the whole against the official schema.
 */
export async function lintDocumentSet(set: DocumentSet, options: LintOptions = {}): Promise<LintResult> {
  const findings: Finding[] = [];
  const replaced = new Set<string>();
  const visitors: Visitor[] = [];
  for (const rule of Object.values(options.rules ?? allRules)) {
    if (rule.versions && !rule.versions.includes(set.version)) continue;
    const { setting, fixed, byPreset } = resolveSetting(rule.id, rule.severity, options, set.version, rule.redocly);
    if (setting === 'off') continue;
    const ctx: RuleContext = {
      set,
      report: (r) => {
        if (r.replacesStruct) replaced.add(`${r.file.path}#${r.pointer}`);
        findings.push({
          ruleId: rule.id,
          severity: byPreset && r.beyondRedocly ? (r.severity ?? 'warn') : fixed ? setting : strict(r.severity ?? setting, options),
          message: r.message,
          file: r.file,
          pointer: r.pointer,
          ...(r.suggestion ? { suggestion: r.suggestion } : {}),
        });
      },
    };
    visitors.push(rule.create(ctx));
  }
  const walk = walkSet(set, visitors);
  const struct = ruleSetting(STRUCT_RULE_ID, 'error', options, set.version);
  if (struct !== 'off') {
    for (const f of await checkStructure(set, walk.needsInlining || set.files.size > 1, options.structErrors)) {
      if (replaced.has(`${f.file.path}#${f.pointer}`)) continue;
      findings.push({ ...f, severity: struct });
    }
  }
  return { findings, walk };
}

function strict(severity: Severity, options: LintOptions): Severity {
  return options.preset === 'recommended-strict' && severity === 'warn' ? 'error' : severity;
}
