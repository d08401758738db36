import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { validateFiles } from './validate-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const F = 'tests/fixtures/validate';

const run = (...files: string[]) =>
  validateFiles(
    files.map((f) => `${F}/${f}`),
    { root },
  );
/** Errors only: these tests are about structure and refs; warnings of the semantic rules are tested beside each rule. */
const brief = (r: Awaited<ReturnType<typeof run>>) =>
  r.problems.filter((p) => p.severity === 'error').map((p) => ({ ruleId: p.ruleId, file: p.file, line: p.line, column: p.column, message: p.message }));

describe('valid descriptions have no errors', () => {
  it.each([
    'valid/1forge-2.0.yaml',
    'valid/yelp-2.0.yaml',
    'valid/xkcd-3.0.yaml',
    'valid/paypal-catalogs-3.0.json',
    'valid/adyen-3.1.yaml',
    'valid/train-travel-3.1.json',
    'valid/minimal-3.2.yaml',
  ])('%s', async (file) => {
    const r = await run(file);
    expect(brief(r)).toEqual([]);
    expect(r.fatal).toBe(false);
  });
});

describe('struct: one message per problem, at the right line and column', () => {
  const table: Array<[string, { line: number; column: number; message: string }[]]> = [
    ['struct/unknown-property.yaml', [{ line: 9, column: 7, message: 'property `nmae` is not allowed in an Operation Object' }]],
    ['struct/missing-required.yaml', [{ line: 9, column: 9, message: 'a Response Object is missing the required property `description`' }]],
    ['struct/wrong-type.json', [{ line: 3, column: 36, message: '`version` must be a string, not a number (1)' }]],
    ['struct/parameter-in.yaml', [{ line: 10, column: 11, message: '`in` must be one of "query", not "querry"' }]],
    ['struct/response-code.yaml', [{ line: 11, column: 9, message: 'property `4xx` is not allowed in a Responses Object' }]],
    ['struct/swagger-2.0.yaml', [{ line: 12, column: 11, message: 'property `shema` is not allowed in a Parameter Object' }]],
    [
      'struct/schema-dialect-3.1.yaml',
      [
        { line: 11, column: 11, message: '`type` must be one of "array", "boolean", "integer", "null", "number", "object", "string", not "strng"' },
        { line: 15, column: 13, message: 'a Discriminator Object is missing the required property `propertyName`' },
      ],
    ],
  ];
  it.each(table)('%s', async (file, want) => {
    const r = await run(file);
    expect(brief(r)).toEqual(want.map((w) => ({ ruleId: 'struct', file: `${F}/${file}`, ...w })));
    expect(r.errorCount).toBe(want.length);
  });
});

describe('refs', () => {
  it('dangling internal ref', async () => {
    const r = await run('refs/dangling.yaml');
    expect(brief(r)).toEqual([
      {
        ruleId: 'no-unresolved-refs',
        file: `${F}/refs/dangling.yaml`,
        line: 14,
        column: 17,
        message: `\`$ref\` "#/components/schemas/Missing" cannot be resolved: \`/components/schemas/Missing\` does not exist in ${F}/refs/dangling.yaml`,
      },
    ]);
  });

  it('missing external file', async () => {
    const r = await run('refs/missing-file.yaml');
    expect(brief(r)).toEqual([
      {
        ruleId: 'no-unresolved-refs',
        file: `${F}/refs/missing-file.yaml`,
        line: 8,
        column: 7,
        message: '`$ref` "./schemas/does-not-exist.yaml" cannot be resolved: file not found',
      },
    ]);
    expect(r.fatal).toBe(false);
  });

  it('ref outside the project root is reported and not followed', async () => {
    const r = await run('refs/outside-root.yaml');
    expect(brief(r).map((p) => [p.ruleId, p.line, p.column])).toEqual([['ref-outside-root', 8, 7]]);
  });

  it('URL ref is an error unless allowed', async () => {
    const r = await run('refs/url.yaml');
    expect(brief(r).map((p) => [p.ruleId, p.line, p.column])).toEqual([['no-remote-refs', 8, 7]]);
    const allowed = await validateFiles([`${F}/refs/url.yaml`], { root, allowRemoteRefs: true });
    expect(allowed.errorCount).toBe(0);
  });

  it('circular refs, within a file and across files, terminate and are valid', async () => {
    const r = await run('refs/circular/openapi.yaml');
    expect(brief(r)).toEqual([]);
  });

  it('multi-file: problems are reported in the file they are in', async () => {
    const r = await run('refs/multi/openapi.yaml');
    expect(brief(r)).toEqual([
      {
        ruleId: 'no-unresolved-refs',
        file: `${F}/refs/multi/paths/pets.yaml`,
        line: 24,
        column: 11,
        message: `\`$ref\` "../schemas/pet.yaml#/$defs/Missing" cannot be resolved: \`/$defs/Missing\` does not exist in ${F}/refs/multi/schemas/pet.yaml`,
      },
      {
        ruleId: 'struct',
        file: `${F}/refs/multi/paths/pets.yaml`,
        line: 26,
        column: 5,
        message: 'a Response Object is missing the required property `description`',
      },
      { ruleId: 'struct', file: `${F}/refs/multi/paths/pets.yaml`, line: 27, column: 7, message: 'property `descripton` is not allowed in a Response Object' },
    ]);
  });
});

describe('bad input: one clear problem per file, fatal, other files still validated', () => {
  it.each([
    ['bad/unparseable.yaml', 'parse-error', /^invalid YAML: /],
    ['bad/truncated.json', 'parse-error', /^invalid JSON: /],
    ['bad/empty.yaml', 'empty-file', /^file is empty$/],
    ['bad/not-openapi.yaml', 'not-openapi', /neither an `openapi` nor a `swagger` field/],
    ['bad/no-such-file.yaml', 'file-unreadable', /file not found/],
  ])('%s', async (file, ruleId, message) => {
    const r = await run(file, 'struct/unknown-property.yaml');
    expect(r.fatal).toBe(true);
    const mine = r.problems.filter((p) => p.file === `${F}/${file}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ ruleId, severity: 'error', pointer: '' });
    expect(mine[0]?.message).toMatch(message);
    expect(mine[0]?.line).toBeGreaterThanOrEqual(1);
    expect(r.problems.some((p) => p.file === `${F}/struct/unknown-property.yaml`)).toBe(true);
  });
});

describe('known-invalid real-world files (shared/corpus/real-world/MANIFEST.md)', () => {
  it('paypal customer_disputes_v1: `enum` where the 3.0 schema does not allow it, and a tag declared twice', async () => {
    const r = await run('known-invalid/paypal-customer-disputes-v1.json');
    expect(brief(r)).toEqual([
      {
        ruleId: 'no-duplicated-tag-names',
        file: `${F}/known-invalid/paypal-customer-disputes-v1.json`,
        line: 45,
        column: 7,
        message: 'tag `referred-disputes` is declared twice (first at `tags[2]`); tag names must be unique',
      },
      {
        ruleId: 'struct',
        file: `${F}/known-invalid/paypal-customer-disputes-v1.json`,
        line: 5581,
        column: 9,
        message: 'property `enum` is not allowed in a Parameter Object',
      },
    ]);
  });

  it('paypal invoicing_v1: top-level `deprecated`', async () => {
    const r = await run('known-invalid/paypal-invoicing-v1.json');
    expect(brief(r).map((p) => [p.message, p.line, p.column])).toEqual([['property `deprecated` is not allowed in the OpenAPI Object', 9, 3]]);
  });
});

describe('onRootLoaded', () => {
  it('hands over each root file once parsed, and not a file that could not be read or parsed', async () => {
    const seen: Array<{ display: string; format: string; openapi: unknown }> = [];
    const r = await validateFiles([`${F}/valid/minimal-3.2.yaml`, `${F}/bad/unparseable.yaml`, `${F}/bad/no-such-file.yaml`], {
      root,
      onRootLoaded: (file) => seen.push({ display: file.display, format: file.format, openapi: (file.data as { openapi?: unknown }).openapi }),
    });
    expect(seen).toEqual([{ display: `${F}/valid/minimal-3.2.yaml`, format: 'yaml', openapi: expect.any(String) }]);
    expect(r.fatal).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
