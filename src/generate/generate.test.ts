import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../core/parse.js';
import { HubError } from '../core/errors.js';
import { fixturePath, goldenDir, goldenSource } from '../../tests/generate-helpers.js';
import { generate, GENERATED_FILES } from './index.js';

async function fixture(): Promise<Record<string, unknown>> {
  const parsed = parseText(await readFile(fixturePath, 'utf8'), goldenSource);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value.data as Record<string, unknown>;
}

const byPath = (files: ReadonlyArray<{ path: string; contents: string }>) => Object.fromEntries(files.map((f) => [f.path, f.contents]));

describe('generate', () => {
  it('is deterministic: the same document gives the same bytes', async () => {
    const a = await generate(await fixture(), { source: goldenSource });
    const b = await generate(await fixture(), { source: goldenSource });
    expect(a.files.map((f) => f.path)).toEqual([...GENERATED_FILES]);
    expect(byPath(b.files)).toEqual(byPath(a.files));
    expect(a.diagnostics).toEqual([]);
    expect(a.falEndpoints).toBe(2);
    expect(a.cometOperations).toBe(17);
  });

  it('matches the golden output in tests/consumer/generated', async () => {
    const { files } = await generate(await fixture(), { source: goldenSource });
    for (const f of files) expect(f.contents, f.path).toBe(await readFile(join(goldenDir, f.path), 'utf8'));
  });

  it('does not change the document it is given', async () => {
    const doc = await fixture();
    const before = JSON.stringify(doc);
    await generate(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('the client does not depend on the order of paths in the document', async () => {
    const doc = await fixture();
    const paths = doc.paths as Record<string, unknown>;
    const reversed = { ...doc, paths: Object.fromEntries(Object.entries(paths).reverse()) };
    const a = byPath((await generate(doc)).files);
    const b = byPath((await generate(reversed)).files);
    expect(b['client.d.ts']).toBe(a['client.d.ts']);
    expect(b['client.js']).toBe(a['client.js']);
  });

  it('maps every FAL endpoint id to input/output types indexed into `paths`', async () => {
    const { files } = await generate(await fixture());
    const dts = byPath(files)['client.d.ts'] ?? '';
    expect(dts).toContain(
      '  "fal-ai/flux/dev": {\n' +
        '    input: NonNullable<paths["/fal-ai/flux/dev"]["post"]["requestBody"]>["content"]["application/json"];\n' +
        '    output: paths["/fal-ai/flux/dev/requests/{request_id}"]["get"]["responses"][200]["content"]["application/json"];\n',
    );
    expect(dts).toMatch(
      /export type CometPaths = Pick<paths, "\/kling\/v1\/videos\/text2video" \| .*"\/v1\/chat\/completions" \| .*"\/v1beta\/models\/\{model\}:generateContent">;/,
    );
    expect(dts).toContain('completions(body: CometChatCompletionsBody, init?: RequestExtras)');
    expect(dts).toContain(
      'stream(body: CometChatCompletionsBody & { stream?: true }, init?: RequestExtras): AsyncGenerator<ChatCompletionChunk, void, undefined>;',
    );
    expect(dts).toContain('export type ChatCompletionChunk = components["schemas"]["ChatCompletionChunk"];');
    expect(dts).toContain(
      'subscribe<Id extends FalEndpointId>(endpointId: Id, input: FalInput<Id>, options?: FalSubscribeOptions<Id>): Promise<FalOutput<Id>>;',
    );
  });

  it('inputs keep properties with a default optional (openapi-typescript defaultNonNullable: false)', async () => {
    const schema = byPath((await generate(await fixture())).files)['schema.d.ts'] ?? '';
    expect(schema).toMatch(/\n\s+num_images\?: number;/);
    expect(schema).toMatch(/\n\s+prompt: string;/);
  });

  it('without Comet chat completions there is no chat shortcut, and an empty document still generates', async () => {
    const { files, falEndpoints, cometOperations } = await generate({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} });
    const out = byPath(files);
    expect([falEndpoints, cometOperations]).toEqual([0, 0]);
    expect(out['client.d.ts']).toContain('export type CometPaths = Pick<paths, never>;');
    expect(out['client.d.ts']).toContain('export interface FalEndpointMap {\n}');
    expect(out['client.d.ts']).not.toMatch(/^\s+chat: \{/m);
    expect(out['client.d.ts']).not.toContain('midjourney: {');
    expect(out['client.d.ts']).toContain("import type { paths } from './schema.js';");
    expect(out['client.js']).toContain('const COMET = {\n  "shortcuts": []\n};');
    // The runtime is there whatever the document: FAL subscribe, retries, the typed error.
    expect(out['runtime/errors.js']).toContain('export class HubApiError extends Error');
    expect(out['runtime/fal.js']).toContain('subscribe: async (endpointId, input, opts = {}) =>');
    expect(out['runtime/retry.js']).toContain('export async function withRetries(');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['Swagger 2.0', { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }],
    ['OpenAPI 4', { openapi: '4.0.0' }],
  ])('refuses %s with a HubError (exit 2)', async (_name, given) => {
    const err = await generate(given, { source: 'specs/openapi.yaml' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).exitCode).toBe(2);
    expect((err as HubError).message).toContain('specs/openapi.yaml is not an OpenAPI 3.0/3.1 document');
  });
});
