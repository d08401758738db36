import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { resolvePointer } from '../core/pointer.js';
import { validateFiles } from './validate-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = 'tests/fixtures/validate/oai';

/**
 * The specification's own examples and the official schemas' test suite
 * (tests/fixtures/validate/oai/README.md): no structural error on what passes
 * the official schema, errors on what fails it. Semantic problems the schema
 * cannot see are real problems of those files, named here one by one.
 */
const KNOWN_SEMANTIC_ERRORS: Record<string, string[]> = {
  // The example refers to a schema it never defines (true of the published file too).
  'v3.0-callback-example.yaml': ['no-unresolved-refs'],
  // `/pets/{id}` declares a path parameter `petId`: "MUST correspond to a template expression".
  'operation-object-example.yaml': ['path-parameters-defined', 'path-parameters-defined'],
  // Refs to components these suite files never define (their newer versions add the
  // components, e.g. example-object-examples.yaml against v3.1-example-object-examples.yaml).
  'header-object-examples.yaml': ['no-unresolved-refs'],
  'media-type-examples.yaml': ['no-unresolved-refs', 'no-unresolved-refs', 'no-unresolved-refs', 'no-unresolved-refs'],
  'path-item-object-example.yaml': ['no-unresolved-refs', 'no-unresolved-refs'],
  'response-object-examples.yaml': ['no-unresolved-refs'],
  'v3.1-example-object-examples.yaml': ['no-unresolved-refs', 'no-unresolved-refs', 'no-unresolved-refs', 'no-unresolved-refs'],
  // `/user/{username}` declares the path parameter `usernames`.
  'parameter-object-examples.yaml': ['path-parameters-defined'],
  // A Security Scheme `$ref` to a URL: api-hub fetches no remote refs (allowRemoteRefs: true lifts this).
  'security-scheme-object-examples.yaml': ['no-remote-refs'],
  // A component named `Still=Legal`: "MUST use keys that match ^[a-zA-Z0-9\.\-_]+$" (3.2, Components Object).
  // The published 3.2 schema rejects it too (components' propertyNames pattern, 2025-11-23 to
  // 2026-04-16); the suite file only means that it need not be an RFC 9110 token like a header name.
  'header-object-name.yaml': ['spec-components-invalid-map-name'],
  // "array with no items": the schema does not check it, but 3.0 §Schema Object says "`items` MUST be present if the `type` is `array`".
  'v3.0-schema.yaml': ['spec-array-items'],
  // A discriminator whose `type` property is optional and that has no `defaultMapping`: 3.2 §Discriminator Object
  // "when defined as optional the Discriminator Object MUST include a defaultMapping field".
  'mega.yaml': ['spec-discriminator-defaultMapping'],
};

describe("OAI examples and the schemas' pass suite: no structural error", () => {
  it.each(readdirSync(join(root, DIR, 'pass')).sort())('%s', async (file) => {
    const r = await validateFiles([`${DIR}/pass/${file}`], { root });
    expect(r.fatal).toBe(false);
    expect(r.problems.filter((p) => p.ruleId === 'struct')).toEqual([]);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(KNOWN_SEMANTIC_ERRORS[file] ?? []);
  });
});

describe("the schemas' fail suite: errors", () => {
  it.each<[string, string, number]>([
    ['unevaluated-properties.yaml', 'struct', 20],
    ['invalid_schema_types.yaml', 'struct', 5],
    ['server-variable-enum-empty.yaml', 'no-server-variables-empty-enum', 1],
  ])('%s', async (file, ruleId, atLeast) => {
    const r = await validateFiles([`${DIR}/fail/${file}`], { root });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(atLeast);
    expect(errors.every((p) => p.ruleId === ruleId)).toBe(true);
  });
});

/**
 * Fail files caught by something other than the structural check, and why. Every other fail
 * file must get at least one `struct` error: the official suite checks only against the schema.
 */
const CAUGHT_BY: Record<string, string> = {
  // No OpenAPI version the validator knows (the schema's `openapi` pattern, checked first).
  'invalid-openapi.yaml': 'unsupported-version',
  'missing-info.yaml': 'unsupported-version',
  'openapi-no-string.yaml': 'unsupported-version',
  'openapi-no-string-c39f45e.yaml': 'unsupported-version',
  'openapi-version.yaml': 'unsupported-version',
  'openapi-wrong-pattern.yaml': 'unsupported-version',
  'openapi-wrong-pattern-f50e429.yaml': 'unsupported-version',
  'no-root-object.yaml': 'not-openapi',
  'tests-v3.1-no_containers.yaml': 'not-openapi',
  // `value` and `externalValue` together, reported by the rule that replaces the schema's `not`.
  // 3.2's exclusive Example fields (`value`, `externalValue`, `dataValue`, `serializedValue`), by the rule that replaces the schema's `not`s.
  'example-object-old-exclusions.yaml': 'spec-example-values',
  'example-object-old-vs-data.yaml': 'spec-example-values',
  'example-object-old-vs-ser.yaml': 'spec-example-values',
  'example-object-ext-old-vs-ser.yaml': 'spec-example-values',
  // The schema's `minItems: 1` on a server variable's `enum`, reported by the rule that replaces it.
  'server-variable-enum-empty.yaml': 'no-server-variables-empty-enum',
  'v3.2-server-variable-enum-empty.yaml': 'no-server-variables-empty-enum',
  'tests-v3.1-server_enum_empty.yaml': 'no-server-variables-empty-enum',
  // A default outside the enum: no JSON Schema can say so; 3.1 "MUST exist in the enum's values".
  'tests-v3.1-sever_enum_unknown.yaml': 'no-server-variables-empty-enum',
};

describe("the schemas' whole fail suite: at least one error, where the problem is", () => {
  it.each(readdirSync(join(root, DIR, 'fail')).sort())('%s', async (file) => {
    const r = await validateFiles([`${DIR}/fail/${file}`], { root });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.map((p) => p.ruleId)).toContain(CAUGHT_BY[file] ?? 'struct');
    const data: unknown = parse(readFileSync(join(root, DIR, 'fail', file), 'utf8'));
    for (const p of errors) expect(resolvePointer(data, p.pointer ?? ''), `${p.ruleId} at ${p.pointer}`).not.toBe(undefined);
  });
});
