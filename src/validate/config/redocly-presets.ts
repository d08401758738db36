import type { OasVersion } from '../types.js';
import type { RuleSetting } from './config.js';

/** Redocly's presets (`extends:`), and `api-hub`: the hub's own defaults, used when there is no redocly.yaml. */
export const REDOCLY_PRESETS = ['minimal', 'recommended', 'recommended-strict', 'all', 'spec'] as const;
export type RedoclyPreset = (typeof REDOCLY_PRESETS)[number];
export type Preset = RedoclyPreset | 'api-hub';

/**
 * The OpenAPI rules of Redocly CLI 2.77's presets, copied from its source
 * (`@redocly/cli/lib`, the configs `minimal`, `recommended`, `all`, `spec`;
 * `recommended-strict` is `recommended` with every `warn` an `error`).
 * `redocly-presets.test.ts` checks this table against the installed CLI.
 *
 * Per rule, one string per version block (oas2Rules, oas3_0Rules, oas3_1Rules,
 * oas3_2Rules), one letter per preset (minimal, recommended, all, spec):
 * `e` error, `w` warn, `o` off, `-` the preset does not list the rule for that version
 * (Redocly does not run it there). `struct` and `no-unresolved-refs` are `error` in every preset.
 */
const TABLE: Record<string, readonly [string, string, string, string]> = {
  'array-parameter-serialization': ['----', 'ooeo', 'ooeo', 'ooeo'],
  'boolean-parameter-prefixes': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'component-name-unique': ['----', 'ooeo', 'ooeo', 'ooeo'],
  'info-contact': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'info-license': ['oweo', 'oweo', 'oweo', 'oweo'],
  'info-license-strict': ['oweo', 'oweo', 'oweo', 'oweo'],
  'no-ambiguous-paths': ['wweo', 'wweo', 'wweo', 'wweo'],
  'no-duplicated-enum-values': ['oweo', 'oweo', 'oweo', 'oweo'],
  'no-duplicated-tag-names': ['owee', 'owee', 'owee', 'owee'],
  'no-empty-servers': ['----', 'weeo', 'weeo', 'weeo'],
  'no-enum-type-mismatch': ['weeo', 'weeo', 'weeo', 'weeo'],
  'no-example-value-and-externalValue': ['----', 'weee', 'weee', '----'],
  'no-http-verbs-in-paths': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'no-identical-paths': ['weee', 'weee', 'weee', 'weee'],
  'no-illogical-composition-keywords': ['----', 'oweo', 'oweo', 'oweo'],
  'no-invalid-media-type-examples': ['----', 'wweo', 'wweo', 'wweo'],
  'no-invalid-parameter-examples': ['oweo', 'oweo', 'oweo', 'oweo'],
  'no-invalid-schema-examples': ['oweo', 'oweo', 'oweo', 'oweo'],
  'no-mixed-number-range-constraints': ['----', '----', 'oweo', 'oweo'],
  'no-path-trailing-slash': ['weeo', 'weeo', 'weeo', 'weeo'],
  'no-required-schema-properties-undefined': ['wweo', 'wweo', 'wweo', 'wweo'],
  'no-schema-type-mismatch': ['weeo', 'weeo', 'weeo', 'weeo'],
  'no-server-example.com': ['----', 'wweo', 'wweo', 'wweo'],
  'no-server-trailing-slash': ['----', 'eeeo', 'eeeo', 'eeeo'],
  'no-server-variables-empty-enum': ['----', 'eeeo', 'eeee', 'eeee'],
  'no-undefined-server-variable': ['----', 'weee', 'weee', 'weee'],
  'no-unsafe-markdown': ['oweo', 'oweo', 'oweo', 'oweo'],
  'no-unused-components': ['----', 'wweo', 'wweo', 'wweo'],
  'nullable-type-sibling': ['----', 'weee', '----', '----'],
  'operation-2xx-response': ['wweo', 'wweo', 'wweo', 'wweo'],
  'operation-4xx-problem-details-rfc7807': ['----', 'ooeo', 'ooeo', 'ooeo'],
  'operation-4xx-response': ['oweo', 'oweo', 'oweo', 'oweo'],
  'operation-description': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'operation-operationId': ['wweo', 'wweo', 'wweo', 'wweo'],
  'operation-operationId-unique': ['weee', 'weee', 'weee', 'weee'],
  'operation-operationId-url-safe': ['weeo', 'weeo', 'weeo', 'weeo'],
  'operation-parameters-unique': ['weee', 'weee', 'weee', 'weee'],
  'operation-singular-tag': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'operation-summary': ['weeo', 'weeo', 'weeo', 'weeo'],
  'operation-tag-defined': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'parameter-description': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'path-declaration-must-exist': ['weee', 'weee', 'weee', 'weee'],
  'path-http-verbs-order': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'path-not-include-query': ['weee', 'weee', 'weee', 'weee'],
  'path-parameters-defined': ['weee', 'weee', 'weee', 'weee'],
  'path-params-defined': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'path-segment-plural': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'paths-kebab-case': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'request-mime-type': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'required-string-property-missing-min-length': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'response-contains-header': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'response-contains-property': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'response-mime-type': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'scalar-property-missing-example': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
  'security-defined': ['weeo', 'weeo', 'weeo', 'weeo'],
  'security-scopes-defined': ['oweo', 'oweo', 'oweo', 'oweo'],
  'spec-components-invalid-map-name': ['----', 'weee', 'weee', 'weee'],
  'spec-discriminator-defaultMapping': ['----', '----', '----', 'owee'],
  'spec-example-values': ['----', 'ooeo', 'ooeo', 'oeee'],
  'spec-no-invalid-encoding-combinations': ['----', '----', '----', 'weee'],
  'spec-no-invalid-tag-parents': ['----', '----', '----', 'weee'],
  'spec-querystring-parameters': ['----', '----', '----', 'eeee'],
  'spec-ref-siblings': ['owee', 'owee', 'owee', 'owee'],
  'spec-strict-refs': ['ooee', 'ooee', 'ooee', 'ooee'],
  'tag-description': ['wweo', 'wweo', 'wweo', 'wweo'],
  'tags-alphabetical': ['ooeo', 'ooeo', 'ooeo', 'ooeo'],
};

/** Rules every Redocly preset sets for all versions. */
const EVERY_PRESET: Readonly<Record<string, RuleSetting>> = { struct: 'error', 'no-unresolved-refs': 'error' };

const BLOCK: Record<OasVersion, number> = { '2.0': 0, '3.0': 1, '3.1': 2, '3.2': 3 };
const COLUMN: Record<Exclude<RedoclyPreset, 'recommended-strict'>, number> = { minimal: 0, recommended: 1, all: 2, spec: 3 };
const LETTER: Record<string, RuleSetting | undefined> = { e: 'error', w: 'warn', o: 'off' };

/** Every rule name Redocly has for OpenAPI (in any preset). */
export const REDOCLY_RULE_NAMES: ReadonlySet<string> = new Set([...Object.keys(EVERY_PRESET), ...Object.keys(TABLE)]);

/**
 * The setting a Redocly preset gives a rule for a version: `undefined` when the
 * rule is not Redocly's or the preset does not list it for that version (then
 * Redocly does not run it there).
 */
export function redoclySetting(preset: RedoclyPreset, rule: string, version: OasVersion): RuleSetting | undefined {
  const always = EVERY_PRESET[rule];
  if (always !== undefined) return always;
  const row = Object.hasOwn(TABLE, rule) ? TABLE[rule] : undefined;
  if (row === undefined) return undefined;
  const letter = row[BLOCK[version]]![COLUMN[preset === 'recommended-strict' ? 'recommended' : preset]];
  const s = letter === undefined ? undefined : LETTER[letter];
  return preset === 'recommended-strict' && s === 'warn' ? 'error' : s;
}

/** The names of Redocly's rules a preset turns on for a version (to name the ones api-hub does not implement). */
export function redoclyRulesOn(preset: RedoclyPreset, version: OasVersion): string[] {
  return [...REDOCLY_RULE_NAMES].filter((r) => {
    const s = redoclySetting(preset, r, version);
    return s !== undefined && s !== 'off';
  });
}
