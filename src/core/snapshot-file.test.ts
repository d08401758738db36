import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from './snapshot-file.js';

const shape = { isEntry: (m: unknown) => typeof m === 'object' && m !== null && 'id' in m, entry: 'a model (id)' };

describe('readSnapshotFile', () => {
  it.each([
    ['absent', undefined, { kind: 'absent' }],
    ['a listing', '{"models":[{"id":"a"}]}', { kind: 'ok', data: { models: [{ id: 'a' }] } }],
    [
      'bad JSON',
      '{"models":[\n  {"id": }]}',
      { kind: 'invalid', reason: 'syntax', diagnostic: { ruleId: 'snapshot-invalid', file: 'snap/models.json', line: 2 } },
    ],
    ['not a listing', '[]', { kind: 'invalid', reason: 'shape', diagnostic: { message: 'not a snapshot listing: expected an object with a `models` array' } }],
    [
      'a bad entry',
      '{"models":[{"id":"a"},{"name":"b"}]}',
      { kind: 'invalid', reason: 'shape', diagnostic: { pointer: '/models/1', message: 'models[1] is not a model (id)' } },
    ],
  ] as const)('%s', async (_name, text, want) => {
    const root = await mkdtemp(join(tmpdir(), 'snapshot-file-'));
    await mkdir(join(root, 'snap'));
    if (text !== undefined) await writeFile(join(root, 'snap', 'models.json'), text);
    expect(await readSnapshotFile(root, join(root, 'snap', 'models.json'), shape)).toMatchObject(want);
  });

  it('without a shape any JSON is data, with its exact text', async () => {
    const root = await mkdtemp(join(tmpdir(), 'snapshot-file-'));
    await writeFile(join(root, 'meta.json'), '{ "a": 1 }\n');
    expect(await readSnapshotFile(root, join(root, 'meta.json'))).toEqual({ kind: 'ok', data: { a: 1 }, text: '{ "a": 1 }\n' });
  });
});
