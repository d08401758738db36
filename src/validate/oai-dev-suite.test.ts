import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReader } from './io.js';
import { validateFiles } from './validate-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = 'tests/fixtures/validate/oai';
const errorIds = (r: Awaited<ReturnType<typeof validateFiles>>): string[] => r.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId);

/**
 * The OAI suite's newest stored files are written for OpenAPI 3.3, still in development
 * (v3.3-dev/, see the README): the validator does not claim 3.3 and says so, once, at `openapi`.
 */
describe('the 3.3 development suite: unsupported, said once', () => {
  const files = ['pass', 'fail'].flatMap((d) => readdirSync(join(root, DIR, 'v3.3-dev', d)).map((f) => `${d}/${f}`));
  it.each(files.sort())('%s', async (file) => {
    const r = await validateFiles([`${DIR}/v3.3-dev/${file}`], { root });
    expect(r.fatal).toBe(true);
    expect(r.problems.map((p) => [p.ruleId, p.pointer])).toEqual([['unsupported-version', '/openapi']]);
  });
});

/**
 * Most 3.3 files differ from their 3.2 twins (not all of which are stored) only in the
 * `openapi` line, so they are also checked as 3.2: fail files must fail, pass files may only
 * have the errors named here (3.3-only features, the 3.3 dialect, their own dangling refs).
 */
const AS_32_KNOWN: Record<string, string[]> = {
  'callback-object-examples.yaml': ['no-unresolved-refs', 'no-unresolved-refs'],
  'path_item_servers_parameters.yaml': ['no-unresolved-refs', 'no-unresolved-refs'],
  'paths-object-example.yaml': ['no-unresolved-refs'],
  'request-body-examples.yaml': ['no-unresolved-refs', 'no-unresolved-refs'],
  'header-object-name.yaml': ['spec-components-invalid-map-name'], // as pass/header-object-name.yaml
  // 3.3 only: the 3.3 dialect URI; top-level `parameters`; the `tokenExchange` flow (which makes
  // the oauth2 branch fail, so ajv also reports its valid sibling `oauth2MetadataUrl` as unevaluated).
  'json_schema_dialect.yaml': ['struct', 'struct'],
  'openapi_object_parameters.yaml': ['struct'],
  'security-scheme-object-examples.yaml': ['struct', 'struct', 'no-remote-refs'],
};
const as32: FileReader = { read: async (path) => readFileSync(path, 'utf8').replace(/^openapi: 3\.3\./m, 'openapi: 3.2.') };

describe('the 3.3 development suite read as 3.2', () => {
  it.each(readdirSync(join(root, DIR, 'v3.3-dev', 'pass')).sort())('pass/%s', async (file) => {
    const r = await validateFiles([`${DIR}/v3.3-dev/pass/${file}`], { root, reader: as32 });
    expect(errorIds(r)).toEqual(AS_32_KNOWN[file] ?? []);
  });
  it.each(readdirSync(join(root, DIR, 'v3.3-dev', 'fail')).sort())('fail/%s', async (file) => {
    const r = await validateFiles([`${DIR}/v3.3-dev/fail/${file}`], { root, reader: as32 });
    expect(errorIds(r).length).toBeGreaterThanOrEqual(1);
  });
});

/**
 * A fail file of a 3.2 draft (with `externalDataValue`, later dropped): `externalValue` with
 * `dataValue` is allowed by OpenAPI 3.2.0 and by every published 3.2 schema, so no error.
 */
describe('superseded suite files', () => {
  it('superseded/fail/example-object-ext-old-vs-data.yaml is valid 3.2', async () => {
    const r = await validateFiles([`${DIR}/superseded/fail/example-object-ext-old-vs-data.yaml`], { root });
    expect(errorIds(r)).toEqual([]);
  });
});
