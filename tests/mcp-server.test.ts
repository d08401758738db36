import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubCatalog, TOOL_NAMES, type PushRequest } from '../src/mcp/index.js';
import { pushWithProjectConfig } from '../src/mcp/push.js';
import { buildModelCard } from '../src/project/catalog/model-card.js';
import { projectRoot } from './helpers/cli.js';
import { allPages, connect, fixtureProject, type Connected } from './mcp-helpers.js';
import { REDACTED } from '../src/push/index.js';
import { TOKEN, invalidSpec, pushProject, removePushProjects, startApidog, validSpec, type FakeApidog } from './push-helpers.js';

const registry = JSON.parse(readFileSync(join(projectRoot, 'data/model_registry.json'), 'utf8')) as {
  models: Array<{ provider: string; id: string; category: string | null }>;
};
const falImageToVideo = registry.models.filter((m) => m.provider === 'fal' && m.category === 'image-to-video').map((m) => m.id);
const fixtures = 'tests/fixtures/mcp';

describe('MCP server over the in-memory transport (real registry and spec)', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(() => c.close());

  describe('tools/list: read-only by default', () => {
    it('lists exactly the read-only tools, each annotated read-only, with short names and every input field described', async () => {
      const { tools } = await c.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
      expect(tools.map((t) => t.name)).not.toContain('push_to_apidog');
      for (const t of tools) {
        expect(t.name.length).toBeLessThanOrEqual(64);
        expect(t.name).toMatch(/^[a-z_]+$/);
        expect(t.annotations?.readOnlyHint, t.name).toBe(true);
        expect(t.annotations?.destructiveHint, t.name).toBe(false);
        expect(t.description?.length ?? 0).toBeGreaterThan(40);
        const props = (t.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
        expect(Object.keys(props).length, t.name).toBeGreaterThan(0);
        for (const [name, schema] of Object.entries(props)) expect(schema.description, `${t.name}.${name}`).toMatch(/\w{3,}/);
      }
    });

    it('a call to push_to_apidog without the flag is refused', async () => {
      const r = await c.call('push_to_apidog', {});
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/push_to_apidog not found/);
    });
  });

  describe('search_models', () => {
    it('finds every FAL image-to-video model of the snapshot, page by page, with a price field on each', async () => {
      const { items, pages } = await allPages<{ id: string; provider: string; category: string; price: string | null; pricing: unknown }>(
        c,
        'search_models',
        { provider: 'fal', category: 'image-to-video', limit: 500 },
        'models',
      );
      expect(falImageToVideo.length).toBe(152);
      expect(items.map((m) => m.id).sort()).toEqual([...falImageToVideo].sort());
      expect(pages).toBeGreaterThan(1); // 152 models do not fit one 20,000-character page
      for (const m of items) {
        expect(m).toHaveProperty('price');
        expect(m).toHaveProperty('pricing');
        expect(m.category).toBe('image-to-video');
      }
    });

    it('a shrunk page says so and where the next one starts', async () => {
      const r = await c.call('search_models', { provider: 'fal', limit: 500 });
      const body = r.json<{ returned: number; nextOffset: number; note: string; total: number }>();
      expect(r.text.length).toBeLessThanOrEqual(20_000);
      expect(body.returned).toBeLessThan(500);
      expect(body.nextOffset).toBe(body.returned);
      expect(body.note).toContain(`offset=${body.returned}`);
    });

    it('ranks close ids first for free text', async () => {
      const body = (await c.call('search_models', { query: 'flux dev', provider: 'fal', limit: 3 })).json<{ models: Array<{ id: string }> }>();
      expect(body.models.map((m) => m.id)).toContain('fal-ai/flux/dev');
    });

    it('no match is not an error: it says which categories exist', async () => {
      const r = await c.call('search_models', { provider: 'fal', category: 'image-to-smell' });
      expect(r.isError).toBe(false);
      const body = r.json<{ total: number; hint: string }>();
      expect(body.total).toBe(0);
      expect(body.hint).toContain('image-to-video (152)');
    });

    it('invalid arguments are an error result, not a crash', async () => {
      const r = await c.call('search_models', { limit: 0 });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/limit/);
    });
  });

  describe('get_model', () => {
    it('describes fal-ai/flux/dev: metadata, the four queue operations, and self-contained input and output schemas', async () => {
      const r = await c.call('get_model', { id: 'fal-ai/flux/dev' });
      expect(r.isError).toBe(false);
      const card = r.json<{
        id: string;
        name: string;
        category: string;
        price: string;
        operations: Array<{ role: string; operationId: string }>;
        howToCall: string;
        input: { properties: Record<string, unknown>; required?: string[]; $defs?: Record<string, unknown> };
        output: { properties: Record<string, unknown> };
      }>();
      expect(card).toMatchObject({ id: 'fal-ai/flux/dev', name: 'FLUX.1 [dev]', category: 'text-to-image' });
      expect(card.operations.map((o) => o.role)).toEqual(['submit', 'status', 'result', 'cancel']);
      expect(card.operations[0]?.operationId).toBe('falAiFluxDevSubmit');
      expect(card.howToCall).toContain('POST https://queue.fal.run/fal-ai/flux/dev');
      expect(card.input.properties).toHaveProperty('prompt');
      expect(card.input.required).toContain('prompt');
      expect(card.output.properties).toHaveProperty('images');
      expect(r.text).not.toContain('#/components/');
      for (const m of r.text.matchAll(/"#\/\$defs\/([^"]+)"/g)) expect(r.text).toContain(`"${m[1]}":{`);
    });

    it('section "summary" leaves the schemas out; depth 0 puts every ref under $defs', async () => {
      const summary = (await c.call('get_model', { id: 'fal-ai/flux/dev', section: 'summary' })).json();
      expect(summary).not.toHaveProperty('input');
      expect(summary).not.toHaveProperty('output');
      const flat = (await c.call('get_model', { id: 'fal-ai/flux/dev', section: 'input', depth: 0 })).json<{
        input: { $ref: string; $defs: Record<string, unknown> };
        output?: unknown;
      }>();
      expect(flat.input.$ref).toMatch(/^#\/\$defs\//);
      expect(flat).not.toHaveProperty('output');
    });

    it('a Comet model: its routes, how to call it and the fields it takes, in under 6,000 characters without the list of model ids', async () => {
      const r = await c.call('get_model', { id: 'gpt-4o-mini' });
      expect(r.text.length).toBeLessThan(6_000);
      expect(r.text).not.toContain('claude-3-5-haiku'); // no other model id is inlined
      const card = r.json<{
        provider: string;
        category: string;
        operations: Array<{ operationId: string }>;
        howToCall: string;
        input: { required: string[]; fields: Record<string, string> };
      }>();
      expect(card).toMatchObject({ provider: 'comet', category: 'llm' });
      expect(card.operations.map((o) => o.operationId)).toContain('cometCreateChatCompletion');
      expect(card.howToCall).toMatch(/^POST https:\/\/api\.cometapi\.com\/v1\/chat\/completions with header "Authorization: Bearer \$COMET_API_KEY"/);
      expect(card.howToCall).toContain('"model": "gpt-4o-mini"');
      expect(card.input.required).toEqual(expect.arrayContaining(['model', 'messages']));
      expect(card.input.fields).toHaveProperty('messages');
      // The full request schema on demand: the model enum is described, not listed.
      // (OpenAI's chat schema, imported for Comet, is larger than one page: the first page is checked.)
      const full = await c.call('get_model', { id: 'gpt-4o-mini', section: 'input' });
      expect(full.isError).toBe(false);
      expect(full.text).not.toContain('claude-3-5-haiku');
      expect(full.text).toContain('CreateChatCompletionRequest');
    });

    it('a Comet video model is served by its family route; Midjourney ones by /mj/', async () => {
      const kling = (await c.call('get_model', { id: 'kling_video' })).json<{ category: string; operations: Array<{ path: string }>; howToCall: string }>();
      expect(kling.category).toBe('text-to-video');
      expect(kling.operations[0]?.path).toMatch(/^\/kling\//);
      const mj = (await c.call('get_model', { id: 'mj_fast_imagine' })).json<{ operations: Array<{ path: string }>; howToCall: string }>();
      expect(mj.operations[0]?.path).toBe('/mj/submit/imagine');
      expect(mj.howToCall).toMatch(/poll GET \/mj\/task\/\{id\}\/fetch/);
    });

    it('an unknown name gets the nearest models across ids, names and families (midjourney -> mj_*)', async () => {
      const r = await c.call('get_model', { id: 'midjourney' });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/"midjourney" names a family of \d+ model\(s\)/);
      const nearest = /Nearest matches: (.*)$/m.exec(r.text)?.[1] ?? '';
      expect(nearest.split(', ').length).toBeGreaterThan(2);
      for (const id of nearest.split(', ')) expect(id).toMatch(/^"mj_/);
    });

    it('every $ref of a FAL card resolves inside the same answer, even for the largest model', async () => {
      for (const id of ['fal-ai/lora', 'fal-ai/flux/dev']) {
        for (const depth of [0, 1, 3]) {
          const r = await c.call('get_model', { id, depth });
          expect(r.text.startsWith('[Paged'), `${id} depth ${depth}`).toBe(false);
          const card = r.json<Record<string, unknown>>();
          const refs = [...r.text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
          for (const ref of refs) {
            expect(ref, `${id} depth ${depth}`).toMatch(/^#\/\$defs\//);
            expect((card.$defs as Record<string, unknown>)[ref.slice('#/$defs/'.length)], ref).toBeDefined();
          }
          if (depth === 0) expect(refs.length).toBeGreaterThan(0);
        }
      }
    });

    it('an unknown id is an error with the nearest ids', async () => {
      const r = await c.call('get_model', { id: 'fal-ai/flux/dve' });
      expect(r.isError).toBe(true);
      expect(r.text).toContain('No model "fal-ai/flux/dve"');
      expect(r.text).toMatch(/Nearest matches: "fal-ai\/flux\/dev"/);
    });

    it('an offset on a result that fits one page is an error', async () => {
      const r = await c.call('get_model', { id: 'fal-ai/flux/dev', offset: 100 });
      expect(r.isError).toBe(true);
      expect(r.text).toContain('fits in one page');
    });
  });

  describe('the budget on the largest model', () => {
    let largest: { id: string; size: number };
    beforeAll(async () => {
      const catalog = new HubCatalog({ root: projectRoot });
      const [index, spec] = await Promise.all([catalog.registry(), catalog.spec()]);
      largest = { id: '', size: 0 };
      for (const m of index.models) {
        const size = JSON.stringify(buildModelCard(m, spec, null, { section: 'all', maxDepth: 3 })).length;
        if (size > largest.size) largest = { id: m.id, size };
      }
    });

    it('is over a 10,000-character budget, so it comes in notes-first parts that add up to the whole card', async () => {
      expect(largest.size).toBeGreaterThan(10_000);
      const c = await connect({ budget: 10_000 });
      let offset: number | null = 0;
      let joined = '';
      let parts = 0;
      while (offset !== null) {
        const r = await c.call('get_model', { id: largest.id, offset });
        expect(r.isError).toBe(false);
        expect(r.text.length).toBeLessThanOrEqual(10_000);
        const nl = r.text.indexOf('\n');
        const note = r.text.slice(0, nl);
        expect(note).toMatch(/^\[Paged result: characters \d+-\d+ of \d+ \(the result is larger than the 10000-character budget\)\. /);
        const next = /offset=(\d+)/.exec(note);
        if (next) expect(note).toContain('Call get_model again with the same id');
        else expect(note).toContain('This is the last part.');
        joined += r.text.slice(nl + 1);
        offset = next ? Number(next[1]) : null;
        parts++;
      }
      expect(parts).toBeGreaterThan(1);
      const card = JSON.parse(joined) as { id: string; input: unknown; output: unknown; inlineDepth: number; budgetNote: string };
      expect(card.id).toBe(largest.id);
      expect(card.inlineDepth).toBe(0); // the smallest rendering is the one that is paged
      expect(card.budgetNote).toMatch(
        /inlined to depth 0 \(the most compact form\) instead of 3; even so the result is larger than the 10000-character budget/,
      );
      expect(card.input).toBeTruthy();
      await c.close();
    });

    it('section "input" or "output" alone fits, or pages the same way', async () => {
      for (const section of ['input', 'output']) {
        const r = await c.call('get_model', { id: largest.id, section });
        expect(r.text.length).toBeLessThanOrEqual(20_000);
      }
    });

    it('its resource fits the budget too (schemas left out with a note when they cannot fit)', async () => {
      const c = await connect({ budget: 10_000 });
      const provider = registry.models.find((m) => m.id === largest.id)!.provider;
      const res = await c.client.readResource({ uri: `api-hub://models/${provider}/${largest.id}` });
      const text = (res.contents[0] as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(10_000);
      expect(JSON.parse(text)).toMatchObject({ id: largest.id, budgetNote: expect.stringContaining('budget') });
      await c.close();
    });

    it('a smaller configured budget pages sooner', async () => {
      const small = await connect({ budget: 2_000 });
      try {
        const r = await small.call('get_model', { id: 'fal-ai/flux/dev' });
        expect(r.text.length).toBeLessThanOrEqual(2_000);
        expect(r.text).toMatch(/^\[Paged result/);
        const { items, sizes } = await allPages<{ id: string }>(
          small,
          'search_models',
          { provider: 'fal', category: 'image-to-video', limit: 500 },
          'models',
          2_000,
        );
        expect(items).toHaveLength(152);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(2_000);
      } finally {
        await small.close();
      }
    });
  });

  describe('search_operations and get_operation', () => {
    it('finds the four queue operations of a FAL endpoint', async () => {
      const body = (await c.call('search_operations', { endpointId: 'fal-ai/flux/dev' })).json<{
        total: number;
        operations: Array<{ role: string; method: string }>;
      }>();
      expect(body.total).toBe(4);
      expect(body.operations.map((o) => `${o.method} ${o.role}`).sort()).toEqual(['GET result', 'GET status', 'POST submit', 'PUT cancel']);
    });

    it('filters by provider, method and free text, and pages', async () => {
      const body = (await c.call('search_operations', { provider: 'comet', method: 'POST', query: 'chat completion' })).json<{
        operations: Array<{ operationId: string }>;
      }>();
      expect(body.operations.map((o) => o.operationId)).toContain('cometCreateChatCompletion');
      const { items } = await allPages<{ operationId: string }>(c, 'search_operations', { role: 'submit', limit: 200 }, 'operations');
      expect(items.length).toBe(new Set(items.map((o) => o.operationId)).size);
      expect(items.length).toBeGreaterThan(500);
    });

    it('describes an operation by operationId or by "METHOD /path", self-contained', async () => {
      const a = (await c.call('get_operation', { operationId: 'falAiFluxDevSubmit' })).json<{
        method: string;
        path: string;
        servers: string[];
        operation: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
      }>();
      expect(a).toMatchObject({ method: 'POST', path: '/fal-ai/flux/dev', servers: ['https://queue.fal.run'] });
      expect(a.operation.requestBody.content['application/json']?.schema.properties).toHaveProperty('prompt');
      const b = await c.call('get_operation', { operationId: 'POST /fal-ai/flux/dev' });
      expect(b.json()).toEqual(a);
      expect(b.text).not.toContain('#/components/');
    });

    it('a large operation is paged within the budget', async () => {
      const r = await c.call('get_operation', { operationId: 'cometCreateChatCompletion' });
      expect(r.text.length).toBeLessThanOrEqual(20_000);
      if (r.text.startsWith('[Paged')) {
        const next = Number(/offset=(\d+)/.exec(r.text)![1]);
        const rest = await c.call('get_operation', { operationId: 'cometCreateChatCompletion', offset: next });
        expect(rest.isError).toBe(false);
      }
    });

    it('an unknown operationId is an error with the nearest ones', async () => {
      const r = await c.call('get_operation', { operationId: 'falAiFluxDevSubmt' });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/Nearest matches: "falAiFluxDevSubmit"/);
      const p = await c.call('get_operation', { operationId: 'POST /fal-ai/flux/dvv' });
      expect(p.isError).toBe(true);
      expect(p.text).toContain('"POST /fal-ai/flux/dev"');
    });
  });

  describe('validate_spec', () => {
    it('a valid file', async () => {
      const body = (await c.call('validate_spec', { path: `${fixtures}/petstore-v1.yaml` })).json();
      expect(body).toMatchObject({ file: `${fixtures}/petstore-v1.yaml`, valid: true, errorCount: 0 });
    });

    it('an invalid file: problems with rule, pointer, line and column', async () => {
      const body = (await c.call('validate_spec', { path: `${fixtures}/invalid.yaml` })).json<{
        valid: boolean;
        errorCount: number;
        problems: Array<{ ruleId: string; pointer: string; line: number; column: number; file: string }>;
      }>();
      expect(body.valid).toBe(false);
      expect(body.errorCount).toBeGreaterThanOrEqual(2);
      expect(body.problems.some((p) => p.pointer === '/info' && p.line === 2)).toBe(true);
      expect(body.problems.some((p) => /unresolved|ref/i.test(p.ruleId))).toBe(true);
      expect(body.problems.every((p) => p.file === `${fixtures}/invalid.yaml`)).toBe(true);
    });

    it('inline text, with errors only on request', async () => {
      const ok = (await c.call('validate_spec', { text: 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n' })).json();
      expect(ok).toMatchObject({ valid: true, errorCount: 0 });
      const bad = (await c.call('validate_spec', { text: '{"openapi": "3.1.0", "info": {"title": "t"}, "paths": {}}', errorsOnly: true })).json<{
        valid: boolean;
        problems: Array<{ severity: string }>;
      }>();
      expect(bad.valid).toBe(false);
      expect(bad.problems.every((p) => p.severity === 'error')).toBe(true);
      const garbage = (await c.call('validate_spec', { text: 'openapi: [unclosed' })).json<{ valid: boolean; fatal: string }>();
      expect(garbage.valid).toBe(false);
      expect(garbage.fatal).toBeTruthy();
    });

    it('a $ref out of the project root is reported, never read', async () => {
      const body = (await c.call('validate_spec', { path: `${fixtures}/ref-outside.yaml` })).json<{
        valid: boolean;
        problems: Array<{ ruleId: string; message: string }>;
      }>();
      expect(body.valid).toBe(false);
      expect(body.problems.map((p) => p.ruleId).join(' ')).toMatch(/outside/);
      expect(JSON.stringify(body)).not.toContain('root:x:0:0');
    });

    const refused: Array<[string, string]> = [
      ['../ out of the root', '../../etc/passwd'],
      ['../ hidden in a path', `${fixtures}/../../../../etc/passwd`],
      ['an absolute path outside the root', '/etc/passwd'],
      ['the tmp directory', tmpdir()],
    ];
    it.each(refused)('refuses %s', async (_n, path) => {
      const r = await c.call('validate_spec', { path });
      expect(r.isError).toBe(true);
      expect(r.text).toContain('must stay inside the project root');
      expect(r.text).not.toContain('root:x:0:0');
    });

    it('accepts an absolute path inside the root', async () => {
      const r = await c.call('validate_spec', { path: join(projectRoot, fixtures, 'petstore-v1.yaml') });
      expect(r.isError).toBe(false);
      expect(r.json()).toMatchObject({ valid: true });
    });

    it('a missing file, a directory, and both path and text are errors', async () => {
      expect((await c.call('validate_spec', { path: `${fixtures}/nope.yaml` })).text).toContain('no such file');
      expect((await c.call('validate_spec', { path: fixtures })).text).toContain('is not a file');
      const both = await c.call('validate_spec', { path: 'x.yaml', text: 'openapi: 3.1.0' });
      expect(both.isError).toBe(true);
      expect(both.text).toContain('either path or text');
    });

    it('validates the unified spec by default, within the budget', async () => {
      const r = await c.call('validate_spec', {});
      expect(r.isError).toBe(false);
      expect(r.text.length).toBeLessThanOrEqual(20_000);
      expect(r.json()).toMatchObject({ file: 'specs/openapi.yaml' });
      expect(c.logs.some((l) => l.startsWith('validate_spec: specs/openapi.yaml'))).toBe(true);
    });
  });

  describe('diff_specs', () => {
    it('classifies the changes between two files', async () => {
      const body = (await c.call('diff_specs', { old: `${fixtures}/petstore-v1.yaml`, new: `${fixtures}/petstore-v2.yaml` })).json<{
        breaking: number;
        nonBreaking: number;
        total: number;
        changes: Array<{ kind: string; breaking: boolean }>;
      }>();
      expect(body.breaking).toBeGreaterThanOrEqual(2); // /pets/{id} removed; limit now required
      expect(body.nonBreaking).toBeGreaterThanOrEqual(1); // Pet.age added
      expect(body.changes.map((x) => x.kind)).toEqual(expect.arrayContaining(['path-removed', 'parameter-required']));
      const breaking = (await c.call('diff_specs', { old: `${fixtures}/petstore-v1.yaml`, new: `${fixtures}/petstore-v2.yaml`, breakingOnly: true })).json<{
        total: number;
        changes: Array<{ breaking: boolean }>;
      }>();
      expect(breaking.total).toBe(body.breaking);
      expect(breaking.changes.every((x) => x.breaking)).toBe(true);
    });

    it('takes inline text for either side', async () => {
      const v1 = readFileSync(join(projectRoot, fixtures, 'petstore-v1.yaml'), 'utf8');
      const body = (await c.call('diff_specs', { oldText: v1, new: `${fixtures}/petstore-v1.yaml` })).json();
      expect(body).toMatchObject({ breaking: 0, nonBreaking: 0, total: 0 });
    });

    it('pages the changes within a small budget', async () => {
      const small = await connect({ budget: 1_000 });
      try {
        const { items } = await allPages<{ kind: string }>(
          small,
          'diff_specs',
          { old: `${fixtures}/petstore-v1.yaml`, new: `${fixtures}/petstore-v2.yaml` },
          'changes',
          1_000,
        );
        const full = (await c.call('diff_specs', { old: `${fixtures}/petstore-v1.yaml`, new: `${fixtures}/petstore-v2.yaml` })).json<{ changes: unknown[] }>();
        expect(items).toEqual(full.changes);
      } finally {
        await small.close();
      }
    });

    const errors: Array<[string, Record<string, unknown>, RegExp]> = [
      ['no old side', { new: `${fixtures}/petstore-v1.yaml` }, /Give old/],
      ['both old and oldText', { old: 'a.yaml', oldText: 'x', new: `${fixtures}/petstore-v1.yaml` }, /either old or oldText/],
      ['an old path out of the root', { old: '../../etc/passwd' }, /must stay inside the project root/],
      ['a new path outside the root', { old: `${fixtures}/petstore-v1.yaml`, new: '/etc/hosts' }, /must stay inside the project root/],
      ['a missing file', { old: `${fixtures}/nope.yaml` }, /no such file/],
      ['a document that is not OpenAPI', { oldText: 'just: data', new: `${fixtures}/petstore-v1.yaml` }, /not an OpenAPI document/],
      ['unparseable text', { oldText: '{"openapi": ', new: `${fixtures}/petstore-v1.yaml` }, /old \(inline text\)/],
    ];
    it.each(errors)('%s is an error', async (_n, args, why) => {
      const r = await c.call('diff_specs', args);
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(why);
    });
  });

  describe('resources', () => {
    it('lists the spec, its overview and one resource per model', async () => {
      const { resources } = await c.client.listResources();
      const uris = resources.map((r) => r.uri);
      expect(uris).toContain('api-hub://spec/openapi.yaml');
      expect(uris).toContain('api-hub://spec/overview');
      expect(uris).toContain('api-hub://models/fal/fal-ai/flux/dev');
      expect(resources.filter((r) => /^api-hub:\/\/models\/[a-z]+\/./.test(r.uri))).toHaveLength(registry.models.length);
      // One list of ids per provider, so no schema has to carry Comet's hundreds of model ids.
      expect(uris).toEqual(expect.arrayContaining(['api-hub://models/comet', 'api-hub://models/fal']));
      const { resourceTemplates } = await c.client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['api-hub://models/{provider}/{+id}']);
    });

    it('reads a model, the overview and the whole spec', async () => {
      const model = await c.client.readResource({ uri: 'api-hub://models/fal/fal-ai/flux/dev' });
      expect(JSON.parse((model.contents[0] as { text: string }).text)).toMatchObject({ id: 'fal-ai/flux/dev', input: { type: 'object' } });
      const overview = await c.client.readResource({ uri: 'api-hub://spec/overview' });
      const o = JSON.parse((overview.contents[0] as { text: string }).text) as { operations: number; operationsByProvider: Record<string, number> };
      // The overview counts what the build reported.
      expect(o.operations).toBe(
        (JSON.parse(readFileSync(join(projectRoot, 'specs/build-report.json'), 'utf8')) as { summary: { operations: number } }).summary.operations,
      );
      expect(o.operationsByProvider.fal).toBeGreaterThan(2000);
      const spec = await c.client.readResource({ uri: 'api-hub://spec/openapi.yaml' });
      const text = (spec.contents[0] as { text: string; mimeType: string }).text;
      expect(text).toBe(readFileSync(join(projectRoot, 'specs/openapi.yaml'), 'utf8'));
    });

    it('lists every Comet model id by category, video models under the video categories', async () => {
      const res = await c.client.readResource({ uri: 'api-hub://models/comet' });
      const text = (res.contents[0] as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(20_000);
      const body = JSON.parse(text) as { total: number; byCategory: Record<string, string[]> };
      const comet = registry.models.filter((m) => m.provider === 'comet');
      expect(body.total).toBe(comet.length);
      expect(Object.values(body.byCategory).flat().sort()).toEqual(comet.map((m) => m.id).sort());
      expect(body.byCategory['text-to-video']).toEqual(expect.arrayContaining(['kling_video', 'veo3', 'sora-2', 'luma_video']));
      expect(body.byCategory['image-to-video']).toEqual(expect.arrayContaining(['runwayml_image_to_video']));
    });

    it('an unknown model resource is an error naming the nearest ids', async () => {
      await expect(c.client.readResource({ uri: 'api-hub://models/fal/fal-ai/flux/dve' })).rejects.toThrow(/fal-ai\/flux\/dev/);
    });

    it('completes model ids', async () => {
      const r = await c.client.complete({
        ref: { type: 'ref/resource', uri: 'api-hub://models/{provider}/{+id}' },
        argument: { name: 'id', value: 'fal-ai/flux/d' },
        context: { arguments: { provider: 'fal' } },
      });
      expect(r.completion.values).toContain('fal-ai/flux/dev');
    });
  });
});

describe('estimate_cost (fixture registry with prices)', () => {
  let c: Connected;
  const requests: Array<{ url: string; body: unknown; auth: string | null }> = [];
  const fakeFetch: typeof fetch = async (url, init) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body)), auth: new Headers(init?.headers).get('authorization') });
    return Response.json({ estimate_type: 'unit_price', total_cost: 1.4, currency: 'USD' });
  };
  beforeAll(async () => {
    c = await connect({ root: fixtureProject, env: { FAL_KEY: 'fal-test-key', FAL_API_BASE_URL: 'https://fal.invalid' }, fetch: fakeFetch });
  });
  afterAll(() => c.close());

  it('prices units from the registry, offline', async () => {
    const body = (await c.call('estimate_cost', { endpointId: 'fal-ai/test/flux', quantity: 4 })).json<{
      estimates: Array<{ total: number; text: string; source: string }>;
    }>();
    expect(body.estimates).toEqual([expect.objectContaining({ total: 0.1, source: 'registry', text: '4 image × 0.025 USD = 0.1 USD (registry price)' })]);
    expect(requests).toHaveLength(0);
  });

  it('asks FAL live only when asked, with the key and base URL from the environment', async () => {
    const body = (await c.call('estimate_cost', { endpointId: 'fal-ai/test/image-to-video', quantity: 5, live: true })).json<{
      estimates: Array<{ total: number; source: string }>;
    }>();
    expect(body.estimates.map((e) => [e.source, e.total])).toEqual([
      ['registry', 1.4],
      ['fal-live', 1.4],
    ]);
    expect(requests).toEqual([
      {
        url: 'https://fal.invalid/v1/models/pricing/estimate',
        auth: 'Key fal-test-key',
        body: { estimate_type: 'unit_price', endpoints: { 'fal-ai/test/image-to-video': { unit_quantity: 5 } } },
      },
    ]);
  });

  it('live answers for an endpoint the snapshot does not have, and says so', async () => {
    const body = (await c.call('estimate_cost', { endpointId: 'fal-ai/brand-new', quantity: 1, live: true })).json<{ estimates: unknown[]; notes: string[] }>();
    expect(body.estimates).toHaveLength(1);
    expect(body.notes[0]).toContain('not in the registry snapshot');
  });

  const errors: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'an unknown id (nearest ids suggested)',
      { endpointId: 'fal-ai/test/flx', quantity: 1 },
      /No model "fal-ai\/test\/flx"[\s\S]*Nearest matches: "fal-ai\/test\/flux"/,
    ],
    ['a model without a price', { endpointId: 'fal-ai/test/unpriced', quantity: 1 }, /no price for this model/],
    ['a token-priced model', { endpointId: 'gpt-4o-mini', quantity: 1 }, /priced per token/],
    ['calls offline', { endpointId: 'fal-ai/test/flux', quantity: 2, mode: 'calls' }, /only the live API knows/],
    ['live for a Comet model', { endpointId: 'gpt-4o-mini', quantity: 1, live: true }, /Live estimates are FAL's API/],
    ['a zero quantity', { endpointId: 'fal-ai/test/flux', quantity: 0 }, /quantity/],
  ];
  it.each(errors)('%s is an error', async (_n, args, why) => {
    const r = await c.call('estimate_cost', args);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(why);
  });

  it('live without a key is an error naming the variables, with the offline answer', async () => {
    const nokey = await connect({ root: fixtureProject, env: {}, fetch: fakeFetch });
    try {
      const r = await nokey.call('estimate_cost', { endpointId: 'fal-ai/test/flux', quantity: 2, live: true });
      expect(r.isError).toBe(true);
      expect(r.text).toContain('FAL_API_KEY (or FAL_KEY)');
      expect(r.text).toContain('Offline: 2 image × 0.025 USD = 0.05 USD');
    } finally {
      await nokey.close();
    }
  });

  it('a live failure keeps the offline estimate and notes the failure', async () => {
    const failing = await connect({
      root: fixtureProject,
      env: { FAL_API_KEY: 'k-123456' },
      fetch: async () => new Response('{"error":{"message":"nope"}}', { status: 500 }),
    });
    try {
      const body = (await failing.call('estimate_cost', { endpointId: 'fal-ai/test/flux', quantity: 1, live: true })).json<{
        estimates: Array<{ source: string }>;
        notes: string[];
      }>();
      expect(body.estimates.map((e) => e.source)).toEqual(['registry']);
      expect(body.notes[0]).toContain('HTTP 500: nope');
    } finally {
      await failing.close();
    }
  });
});

describe('push_to_apidog: only with allowPush, destructive, validates first', () => {
  const pushed: PushRequest[] = [];
  let c: Connected;
  beforeAll(async () => {
    c = await connect({
      allowPush: true,
      push: async (req) => {
        pushed.push(req);
        return { endpoints: { created: 1, updated: 2 } };
      },
    });
  });
  afterAll(() => c.close());

  it('is listed, annotated destructive and not read-only', async () => {
    const { tools } = await c.client.listTools();
    const push = tools.find((t) => t.name === 'push_to_apidog');
    expect(push?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools).toHaveLength(TOOL_NAMES.length + 1);
  });

  it('does not push a document with errors', async () => {
    const r = await c.call('push_to_apidog', { path: `${fixtures}/invalid.yaml` });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Not pushed: tests\/fixtures\/mcp\/invalid\.yaml does not validate/);
    expect(pushed).toHaveLength(0);
  });

  it('refuses a path outside the root', async () => {
    const r = await c.call('push_to_apidog', { path: '../outside.yaml' });
    expect(r.isError).toBe(true);
    expect(r.text).toContain('must stay inside the project root');
    expect(pushed).toHaveLength(0);
  });

  it('pushes a valid document (dry run passed through)', async () => {
    const r = await c.call('push_to_apidog', { path: `${fixtures}/petstore-v1.yaml`, dryRun: true });
    expect(r.isError).toBe(false);
    expect(r.json()).toMatchObject({ pushed: false, dryRun: true, file: `${fixtures}/petstore-v1.yaml`, result: { endpoints: { created: 1, updated: 2 } } });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ root: projectRoot, file: `${fixtures}/petstore-v1.yaml`, dryRun: true, env: {} });
    // The tool hands on what it validated: the file's text, its data and the verdict (the push need not validate it again).
    expect(pushed[0]?.validated?.text).toBe(readFileSync(join(projectRoot, fixtures, 'petstore-v1.yaml'), 'utf8'));
    expect(pushed[0]?.validated?.result).toMatchObject({ errorCount: 0, fatal: false });
    expect(pushed[0]?.validated?.data).toMatchObject({ openapi: expect.any(String), paths: expect.any(Object) });
  });
});

describe('push_to_apidog with the real push library (a local Apidog, nothing injected)', () => {
  let apidog: FakeApidog;
  let root: string;
  const env = (): Record<string, string> => ({
    APIDOG_ACCESS_TOKEN: TOKEN,
    APIDOG_PROJECT_ID: '1001',
    APIDOG_API_BASE_URL: apidog.baseUrl,
    API_HUB_RETRY_BASE_MS: '5',
  });
  beforeAll(async () => {
    apidog = await startApidog();
    root = await pushProject();
  });
  afterAll(async () => {
    await apidog.close();
    await removePushProjects();
  });

  it("validates, then imports exactly the file into the Apidog project and reports Apidog's counters", async () => {
    const c = await connect({ root, allowPush: true, env: env() });
    try {
      apidog.seen.length = 0;
      const r = await c.call('push_to_apidog', {});
      expect(r.isError, r.text).toBe(false);
      expect(r.json()).toMatchObject({
        pushed: true,
        dryRun: false,
        file: 'specs/openapi.yaml',
        result: {
          status: 'pushed',
          projectId: '1001',
          endpoints: 14,
          counters: expect.arrayContaining([expect.objectContaining({ subject: 'endpoint', created: 14 })]),
        },
      });
      const [sent, ...more] = apidog.imports();
      expect(more).toEqual([]);
      expect(sent?.url).toBe('/v1/projects/1001/import-openapi?locale=en-US');
      expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      const body = JSON.parse(sent?.body ?? '{}') as { input: string; options: Record<string, unknown> };
      expect(body.input).toBe(await readFile(validSpec, 'utf8'));
      expect(body.options).toEqual({ endpointOverwriteBehavior: 'OVERWRITE_EXISTING', schemaOverwriteBehavior: 'OVERWRITE_EXISTING' });
      expect(apidog.projects.get('1001')?.endpoints.size).toBe(14);
      expect(r.text).not.toContain(TOKEN);
    } finally {
      await c.close();
    }
  });

  it("takes the tool's validation for the very text it sends, and validates any other text again", async () => {
    const invalid = await pushProject({ spec: invalidSpec });
    const file = 'specs/openapi.yaml';
    const text = await readFile(join(invalid, file), 'utf8');
    const clean = { problems: [], errorCount: 0, warningCount: 0, fatal: false };
    // A verdict handed on for this text is the push's verdict: no second validation (which would refuse the file).
    const reused = await pushWithProjectConfig({ root: invalid, file, dryRun: true, env: {}, validated: { text, data: { paths: {} }, result: clean } });
    expect(reused).toMatchObject({ status: 'dry-run', endpoints: 0 });
    // For another text (the file changed since), the push validates what it sends, and refuses it.
    await expect(
      pushWithProjectConfig({ root: invalid, file, dryRun: true, env: {}, validated: { text: `${text}\n`, data: {}, result: clean } }),
    ).rejects.toThrow(/does not validate under the project's rules/);
  });

  it('a dry run sends nothing and says what would be sent', async () => {
    const c = await connect({ root, allowPush: true, env: env() });
    try {
      apidog.seen.length = 0;
      const r = await c.call('push_to_apidog', { dryRun: true });
      expect(r.isError, r.text).toBe(false);
      expect(r.json()).toMatchObject({
        pushed: false,
        dryRun: true,
        result: { status: 'dry-run', tokenSet: true, endpoints: 14, url: `${apidog.baseUrl}/v1/projects/1001/import-openapi?locale=en-US` },
      });
      expect(apidog.seen).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('uses the push options of api-hub.config.yaml, as `api-hub push` does', async () => {
    const configured = await pushProject({ config: 'push:\n  endpointOverwriteBehavior: KEEP_EXISTING\n' });
    const c = await connect({ root: configured, allowPush: true, env: env() });
    try {
      apidog.seen.length = 0;
      const r = await c.call('push_to_apidog', {});
      expect(r.isError, r.text).toBe(false);
      const body = JSON.parse(apidog.imports()[0]?.body ?? '{}') as { options: Record<string, unknown> };
      expect(body.options).toMatchObject({ endpointOverwriteBehavior: 'KEEP_EXISTING' });
    } finally {
      await c.close();
    }
  });

  it('an import Apidog could not complete is an error answer with its counters and errors', async () => {
    const c = await connect({ root, allowPush: true, env: { ...env(), APIDOG_PROJECT_ID: 'partial' } });
    try {
      const r = await c.call('push_to_apidog', {});
      expect(r.isError).toBe(true);
      const body = r.json<{ pushed: boolean; result: { status: string; errors: Array<{ message: string }> } }>();
      expect(body).toMatchObject({ pushed: true, result: { status: 'failed', projectId: 'partial' } });
      expect(body.result.errors.length).toBeGreaterThan(0);
      expect(body.result.errors[0]?.message).toContain('could not be resolved');
    } finally {
      await c.close();
    }
  });

  it('without a token it sends nothing and says which variable is missing', async () => {
    const c = await connect({ root, allowPush: true, env: { APIDOG_PROJECT_ID: '1001', APIDOG_API_BASE_URL: apidog.baseUrl } });
    try {
      apidog.seen.length = 0;
      const r = await c.call('push_to_apidog', {});
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/^Not pushed: .*needs APIDOG_ACCESS_TOKEN/);
      expect(apidog.seen).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('a token Apidog refuses (and echoes back) never appears in the answer', async () => {
    const wrong = 'apidog-WRONG-token-0a1b2c3d';
    const c = await connect({ root, allowPush: true, env: { ...env(), APIDOG_ACCESS_TOKEN: wrong } });
    try {
      const r = await c.call('push_to_apidog', {});
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/^Not pushed: /);
      expect(r.text).toContain(REDACTED);
      expect(r.text).not.toContain(wrong);
      expect(c.logs.join('\n')).not.toContain(wrong);
    } finally {
      await c.close();
    }
  });
});

describe('path confinement through symbolic links (temporary project)', () => {
  let base: string;
  let c: Connected;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'api-hub-mcp-'));
    const root = join(base, 'project');
    await mkdir(join(root, 'specs'), { recursive: true });
    await writeFile(join(base, 'outside.yaml'), 'openapi: 3.1.0\ninfo: {title: secret, version: "1"}\npaths: {}\n');
    await symlink(join(base, 'outside.yaml'), join(root, 'specs', 'link.yaml'));
    await writeFile(
      join(root, 'specs', 'uses-link.yaml'),
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    $ref: "./link.yaml#/paths/~1y"\n',
    );
    c = await connect({ root, registry: { models: [] }, spec: { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} } });
  });
  afterAll(async () => {
    await c.close();
    await rm(base, { recursive: true, force: true });
  });

  it('refuses a symlink that leads out of the root', async () => {
    const r = await c.call('validate_spec', { path: 'specs/link.yaml' });
    expect(r.isError).toBe(true);
    expect(r.text).toContain('symbolic link');
  });

  it('does not follow a $ref through such a symlink', async () => {
    const body = (await c.call('validate_spec', { path: 'specs/uses-link.yaml' })).json<{ valid: boolean; problems: Array<{ message: string }> }>();
    expect(body.valid).toBe(false);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});

describe('a project without data: every tool says what to do', () => {
  let base: string;
  let c: Connected;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'api-hub-empty-'));
    c = await connect({ root: base });
  });
  afterAll(async () => {
    await c.close();
    await rm(base, { recursive: true, force: true });
  });

  it.each([
    ['search_models', {}, /data\/model_registry\.json: file not found; run `api-hub fetch`/],
    ['get_model', { id: 'fal-ai/flux/dev' }, /data\/model_registry\.json: file not found/],
    ['estimate_cost', { endpointId: 'fal-ai/flux/dev', quantity: 1 }, /data\/model_registry\.json: file not found/],
    ['search_operations', {}, /specs\/openapi\.yaml: file not found; run `api-hub build`/],
    ['get_operation', { operationId: 'x' }, /specs\/openapi\.yaml: file not found/],
    ['validate_spec', {}, /specs\/openapi\.yaml: no such file under the project root/],
  ] as const)('%s', async (tool, args, why) => {
    const r = await c.call(tool, { ...args });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(why);
  });
});
