import { describe, expect, it } from 'vitest';
import type { OperationInfo } from '../project/catalog/spec-index.js';
import { cometFamilies, familyKey } from './families.js';
import { indexSpec } from '../project/catalog/spec-index.js';

const op = (folder: string | null, tags: string[]): OperationInfo => ({
  operationId: 'x',
  method: 'POST',
  path: '/x',
  summary: '',
  tags,
  folder,
  provider: 'comet',
  endpointId: null,
  role: null,
  deprecated: false,
  pointer: '/paths/~1x/post',
});

describe('familyKey', () => {
  it.each([
    ['Comet/chat', ['Comet Chat'], 'chat'],
    ['Comet/midjourney/tasks', ['Comet Midjourney'], 'midjourney'],
    ['Video/Kling', [], 'video'],
    [null, ['Comet Suno'], 'suno'],
    [null, ['Comet Image Edits'], 'image-edits'],
    [null, [], 'other'],
  ])('%s %j -> %s', (folder, tags, key) => {
    expect(familyKey(op(folder, tags))).toBe(key);
  });
});

describe('cometFamilies', () => {
  it('groups Comet operations only, families by key, routes by path then method, with the tag description', () => {
    const doc = {
      tags: [{ name: 'Comet Midjourney', description: 'Midjourney tasks.' }],
      paths: {
        '/mj/task/{id}/fetch': {
          get: { operationId: 'fetch', tags: ['Comet Midjourney'], 'x-apidog-folder': 'Comet/midjourney', 'x-hub-source': { provider: 'comet' } },
        },
        '/mj/submit/imagine': {
          post: { operationId: 'imagine', tags: ['Comet Midjourney'], 'x-apidog-folder': 'Comet/midjourney', 'x-hub-source': { provider: 'comet' } },
        },
        '/v1/chat/completions': { post: { operationId: 'chat', tags: ['Comet Chat'], 'x-apidog-folder': 'Comet/chat', 'x-hub-source': { provider: 'comet' } } },
        '/fal-ai/flux/dev': { post: { operationId: 'fal', 'x-hub-source': { provider: 'fal' } } },
      },
    };
    const fams = cometFamilies(doc, indexSpec(doc));
    expect(fams.map((f) => [f.key, f.title, f.description, f.operations.map((o) => o.operationId)])).toEqual([
      ['chat', 'Comet Chat', '', ['chat']],
      ['midjourney', 'Comet Midjourney', 'Midjourney tasks.', ['imagine', 'fetch']],
    ]);
  });
});
