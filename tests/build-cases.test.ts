import { describe, it, expect } from 'vitest';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { buildUnified, DEFAULT_SECURITY_SCHEMES, type BuildInput } from '../src/normalize/build.js';
import { configErrors, loadConfig } from '../src/project/config.js';
import { loadProvider } from '../src/normalize/load-provider.js';
import { loadOverlays } from '../src/normalize/load-overlays.js';
import { toJson, toYaml } from '../src/normalize/serialize.js';
import type { SourceDocument } from '../src/normalize/types.js';
import { sha256 } from '../src/core/hash.js';
import { validateDocument } from '../src/validate/index.js';
import { fixtures } from './helpers/project.js';

/**
 * Golden merge cases: one folder per case under tests/fixtures/build-cases/
 * with its inputs (api-hub.config.yaml providers, fal/*.json FAL documents,
 * overlays/) and the expected output under expected/: openapi.yaml +
 * build-report.json, or errors.json when the build must fail. Regenerate
 * with `UPDATE_GOLDEN=1 npx vitest run tests/build-cases.test.ts` and review
 * the diff.
 */
const casesDir = join(fixtures, 'build-cases');
const update = process.env.UPDATE_GOLDEN === '1';
const cases = (await readdir(casesDir, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The case folder as a project: FAL documents from fal/ (id from the file name), configured providers, overlays. */
async function caseInput(dir: string): Promise<{ input: BuildInput; options: { danglingRefs?: 'patch' | 'quarantine'; disable?: string[] } }> {
  const project = await loadConfig(dir);
  const problems = configErrors(project.problems.build);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  const config = project.build;
  const sources: SourceDocument[] = [];
  const falDir = join(dir, 'fal');
  if (existsSync(falDir)) {
    for (const name of (await readdir(falDir)).filter((n) => n.endsWith('.json')).sort()) {
      const text = await readFile(join(falDir, name), 'utf8');
      sources.push({
        provider: 'fal',
        sourceId: name
          .replace(/\.json$/, '')
          .split('__')
          .join('/'),
        file: `fal/${name}`,
        sha256: sha256(text),
        doc: JSON.parse(text) as Record<string, unknown>,
        meta: { category: 'text-to-image' },
      });
    }
  }
  const findings = [];
  for (const p of config.providers) {
    const loaded = await loadProvider(dir, p, config.build);
    sources.push(loaded.source);
    findings.push(...loaded.findings);
  }
  const input: BuildInput = {
    sources,
    excluded: [],
    securitySchemes: { ...DEFAULT_SECURITY_SCHEMES },
    providers: config.providers,
    findings,
    overlays: await loadOverlays(dir, join(dir, 'overlays')),
  };
  return { input, options: { danglingRefs: config.build.danglingRefs, disable: config.build.disablePasses } };
}

async function golden(file: string, actual: string): Promise<void> {
  if (update) {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => undefined);
  expect(expected, `${file} is missing: run with UPDATE_GOLDEN=1`).toBeDefined();
  expect(actual).toBe(expected);
}

describe('build cases (golden)', () => {
  it.each(cases)('%s', async (name) => {
    const dir = join(casesDir, name);
    const { input, options } = await caseInput(dir);
    const out = buildUnified(input, options);
    if (out.errors.length > 0) {
      await golden(join(dir, 'expected', 'errors.json'), toJson(out.errors));
      expect(existsSync(join(dir, 'expected', 'openapi.yaml'))).toBe(false);
      return;
    }
    await golden(join(dir, 'expected', 'openapi.yaml'), toYaml(out.document));
    await golden(join(dir, 'expected', 'build-report.json'), toJson(out.report));
    // Every case's output is valid for the hub's validator and for swagger-parser.
    expect((await validateDocument(out.document, { file: 'openapi.yaml' })).filter((d) => d.severity === 'error')).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(out.document) as never)).resolves.toBeDefined();
  });

  it('gives byte-identical output whatever the order of the sources', async () => {
    const { input, options } = await caseInput(join(casesDir, 'clashing-components'));
    const a = buildUnified(input, options);
    const b = buildUnified({ ...input, sources: [...input.sources].reverse() }, options);
    expect(toYaml(b.document)).toBe(toYaml(a.document));
    expect(toJson(b.report)).toBe(toJson(a.report));
  });
});
