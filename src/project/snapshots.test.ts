import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubError } from '../core/errors.js';
import { loadSnapshots } from './snapshots.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A project with these files (project-relative path → content). */
function project(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'api-hub-snapshots-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** The HubError loadSnapshots throws: its message and its one diagnostic. */
async function failure(root: string): Promise<{ message: string; diagnostic: unknown }> {
  const err: unknown = await loadSnapshots(root).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HubError);
  const e = err as HubError;
  expect(e.diagnostics).toHaveLength(1);
  return { message: e.message, diagnostic: e.diagnostics[0] };
}

const FAL = 'specs/providers/fal/models.json';
const COMET = 'specs/providers/comet/catalog/v1-models.json';

describe('loadSnapshots', () => {
  it('no snapshot at all: both absent', async () => {
    expect(await loadSnapshots(project({}))).toEqual({ fal: null, comet: null });
  });

  it('reads a well-formed FAL listing', async () => {
    const listing = {
      provider: 'fal',
      source: 's',
      models: [{ endpoint_id: 'a/b', metadata: null, openapi: { status: 'available', file: 'openapi/a__b.json', sha256: 'x' } }],
    };
    expect((await loadSnapshots(project({ [FAL]: JSON.stringify(listing) }))).fal).toEqual(listing);
  });

  it('invalid JSON: names the file, line and column', async () => {
    const f = await failure(project({ [FAL]: '{\n  "models": [ oops ]\n}' }));
    expect(f.message).toMatch(/^specs\/providers\/fal\/models\.json: invalid JSON.*re-run `api-hub fetch`/);
    expect(f.diagnostic).toMatchObject({ ruleId: 'snapshot-invalid', severity: 'error', file: FAL, line: 2, column: 15 });
  });

  it('not a listing, or an entry of the wrong shape: names the file and the entry', async () => {
    expect((await failure(project({ [FAL]: '{"models": 5}' }))).message).toMatch(/expected an object with a `models` array/);
    const f = await failure(project({ [FAL]: '{"models": [{"endpoint_id": "a", "openapi": {"status": "absent"}}, 5]}' }));
    expect(f.diagnostic).toMatchObject({ file: FAL, pointer: '/models/1', message: expect.stringMatching(/^models\[1\] is not a FAL listing entry/) });
  });

  it('an available document whose file is outside specs/providers/fal/ (or missing) is refused', async () => {
    for (const file of ['../../../etc/passwd', '/etc/passwd', 'openapi/../../x.json', undefined]) {
      const entry = { endpoint_id: 'a/b', openapi: { status: 'available', sha256: 'x', ...(file === undefined ? {} : { file }) } };
      const f = await failure(project({ [FAL]: JSON.stringify({ models: [entry] }) }));
      expect(f.diagnostic).toMatchObject({ pointer: '/models/0' });
    }
  });

  it('a broken Comet catalog names its file', async () => {
    const f = await failure(project({ [COMET]: '[' }));
    expect(f.message).toMatch(/^specs\/providers\/comet\/catalog\/v1-models\.json: /);
    const g = await failure(project({ [COMET]: '{"models": [{"id": 1}]}' }));
    expect(g.diagnostic).toMatchObject({ file: COMET, pointer: '/models/0' });
  });
});
