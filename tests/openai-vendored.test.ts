// specs/providers/openai/openapi.json is OpenAI's published YAML stored as JSON (see its README):
// the same values, in the same key order, as the upstream file kept in ../shared/corpus.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/core/parse.js';

const root = join(import.meta.dirname, '..');
const upstream = join(root, '..', 'shared', 'corpus', 'providers', 'openai', 'openapi.yaml');

describe('the vendored OpenAI document', () => {
  it.runIf(existsSync(upstream))('equals the upstream YAML, value for value and in key order', async () => {
    const parsed = parseText(await readFile(upstream, 'utf8'), upstream);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const vendored = await readFile(join(root, 'specs/providers/openai/openapi.json'), 'utf8');
    expect(vendored).toBe(`${JSON.stringify(parsed.value.data, null, 2)}\n`);
  });

  it('is the 3.1 document with the routes Comet serves', async () => {
    const doc = JSON.parse(await readFile(join(root, 'specs/providers/openai/openapi.json'), 'utf8')) as {
      openapi: string;
      info: { version: string };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('2.3.0');
    expect(Object.keys(doc.paths)).toHaveLength(182);
    expect(doc.paths).toHaveProperty(['/chat/completions']);
  });

  it("keeps OpenAI's `nullable` in the built document and the SDK: its 3.1 document writes the 3.0 keyword, read as a null type", async () => {
    const vendored = await readFile(join(root, 'specs/providers/openai/openapi.json'), 'utf8');
    expect(vendored.match(/"nullable": true/g)?.length).toBeGreaterThan(100);
    const built = await readFile(join(root, 'specs/openapi.index.json'), 'utf8');
    expect(built).not.toMatch(/"(x-)?nullable":/);
    const doc = JSON.parse(built) as { document: { components: { schemas: Record<string, { allOf: Array<{ properties?: Record<string, unknown> }> }> } } };
    const request = doc.document.components.schemas.CreateChatCompletionRequest!.allOf[1]!.properties!;
    expect(request.max_completion_tokens).toMatchObject({ type: ['integer', 'null'] });
    const types = await readFile(join(root, 'generated/schema.d.ts'), 'utf8');
    expect(types).toContain('max_completion_tokens?: number | null;');
    expect(types).toContain('temperature?: number | null;');
  });
});
