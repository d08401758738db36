import { sha256 } from '../../core/hash.js';
import { toIndexJson } from '../../normalize/serialize.js';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubCatalog } from './hub-data.js';

const registry = (ids: string[]) => JSON.stringify({ models: ids.map((id) => ({ provider: 'fal', id })) });
const specYaml =
  'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {"200": {description: ok}}\n';

describe('HubCatalog: lazy, loaded once, reloaded only when the file changes', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'api-hub-catalog-'));
    await mkdir(join(root, 'data'));
    await mkdir(join(root, 'specs'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('creating it reads nothing', () => {
    // The directory is empty: a constructor that read files would throw here.
    expect(() => new HubCatalog({ root: join(root, 'missing') })).not.toThrow();
  });

  it('parses the registry once and serves the same index until the file changes', async () => {
    await writeFile(join(root, 'data/model_registry.json'), registry(['a']));
    const c = new HubCatalog({ root });
    const first = await c.registry();
    expect(await c.registry()).toBe(first);
    await writeFile(join(root, 'data/model_registry.json'), registry(['a', 'b']));
    await utimes(join(root, 'data/model_registry.json'), new Date(), new Date(Date.now() + 5_000));
    const second = await c.registry();
    expect(second).not.toBe(first);
    expect(second.models.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('parses the spec once and indexes its operations', async () => {
    await writeFile(join(root, 'specs/openapi.yaml'), specYaml);
    const c = new HubCatalog({ root });
    const s = await c.spec();
    expect(await c.spec()).toBe(s);
    expect(s.index.byOperationId.get('getA')).toMatchObject({ method: 'GET', path: '/a', pointer: '/paths/~1a/get' });
    expect(s.file).toBe('specs/openapi.yaml');
  });

  it('reads the JSON index when it mirrors the YAML on disk, and the YAML when it does not', async () => {
    await writeFile(join(root, 'specs/openapi.yaml'), specYaml);
    const indexed = { openapi: '3.1.0', info: { title: 'from the index', version: '1' }, paths: {} };
    await writeFile(join(root, 'specs/openapi.index.json'), toIndexJson(indexed, sha256(specYaml)));
    const s = await new HubCatalog({ root }).spec();
    expect(s).toMatchObject({ file: 'specs/openapi.yaml', fromIndex: true, document: indexed });
    // The YAML changed since the build (a hand edit): the stale index is not used.
    await writeFile(join(root, 'specs/openapi.yaml'), specYaml + '# edited\n');
    const again = await new HubCatalog({ root }).spec();
    expect(again.fromIndex).toBeUndefined();
    expect((again.document as { info: { title: string } }).info.title).not.toBe('from the index');
    // A broken index is never an error: the YAML is read.
    await writeFile(join(root, 'specs/openapi.index.json'), '{ broken');
    expect((await new HubCatalog({ root }).spec()).fromIndex).toBeUndefined();
  });

  it('a missing or broken file is an error with what to do, and is not cached', async () => {
    const c = new HubCatalog({ root });
    await expect(c.registry()).rejects.toThrow('data/model_registry.json: file not found; run `api-hub fetch`');
    await expect(c.spec()).rejects.toThrow('specs/openapi.yaml: file not found; run `api-hub build`');
    await writeFile(join(root, 'data/model_registry.json'), '{ nope');
    await expect(c.registry()).rejects.toThrow(/invalid JSON/);
    await writeFile(join(root, 'data/model_registry.json'), registry(['x']));
    await utimes(join(root, 'data/model_registry.json'), new Date(), new Date(Date.now() + 5_000));
    expect((await c.registry()).models).toHaveLength(1);
    await writeFile(join(root, 'specs/openapi.yaml'), 'a: [unclosed');
    await expect(c.spec()).rejects.toThrow(/specs\/openapi.yaml: cannot be parsed/);
    // Parseable, but no registry: an error, not an empty model list.
    await writeFile(join(root, 'data/model_registry.json'), '{"models": 3}');
    await utimes(join(root, 'data/model_registry.json'), new Date(), new Date(Date.now() + 10_000));
    await expect(c.registry()).rejects.toThrow('data/model_registry.json: not a model registry (expected an object with a `models` array)');
  });

  it('reads through the shared parser: a BOM is skipped, an alias bomb or deep nesting is refused', async () => {
    await writeFile(join(root, 'data/model_registry.json'), '\uFEFF' + registry(['bom']));
    await writeFile(join(root, 'specs/openapi.yaml'), '\uFEFF' + specYaml);
    const c = new HubCatalog({ root });
    expect((await c.registry()).models.map((m) => m.id)).toEqual(['bom']);
    expect((await c.spec()).index.byOperationId.has('getA')).toBe(true);

    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    await writeFile(join(root, 'specs/openapi.yaml'), levels.join('\n') + '\n');
    await utimes(join(root, 'specs/openapi.yaml'), new Date(), new Date(Date.now() + 5_000));
    await expect(c.spec()).rejects.toThrow(/specs\/openapi.yaml: cannot be parsed \(YAML aliases expand to too many nodes/);

    await writeFile(join(root, 'data/model_registry.json'), '['.repeat(2000) + ']'.repeat(2000));
    await utimes(join(root, 'data/model_registry.json'), new Date(), new Date(Date.now() + 10_000));
    await expect(c.registry()).rejects.toThrow(/data\/model_registry.json: nesting is deeper than/);
  });

  it('serves given data without touching the disk', async () => {
    const c = new HubCatalog({ root: join(root, 'missing'), registry: { models: [{ provider: 'comet', id: 'm' }] }, spec: { openapi: '3.1.0', paths: {} } });
    expect((await c.registry()).byKey.has('comet:m')).toBe(true);
    expect((await c.spec()).index.operations).toEqual([]);
  });
});
