import { describe, expect, it } from 'vitest';
import { planPush, rollUp, ROOT_FOLDER } from './plan.js';

const options = { endpointOverwriteBehavior: 'OVERWRITE_EXISTING', schemaOverwriteBehavior: 'OVERWRITE_EXISTING' } as const;

describe('planPush', () => {
  it('counts endpoints per folder: x-apidog-folder, else the first tag, else the root', () => {
    const doc = {
      paths: {
        '/a': { get: { 'x-apidog-folder': 'FAL/text-to-image/Flux' }, post: { 'x-apidog-folder': ' FAL / text-to-image / Flux ' }, parameters: [] },
        '/b': { put: { tags: ['Comet Chat', 'other'] } },
        '/c': { delete: {} },
        '/d': { summary: 'no operations' },
      },
      components: { schemas: { A: {}, B: {} } },
    };
    const plan = planPush(doc, 'text é', options);
    expect(plan).toEqual({
      bytes: 7,
      endpoints: 4,
      schemas: 2,
      folders: [
        { folder: ROOT_FOLDER, endpoints: 1 },
        { folder: 'Comet Chat', endpoints: 1 },
        { folder: 'FAL/text-to-image/Flux', endpoints: 2 },
      ],
      folderCount: 4,
      options,
    });
  });

  it('an empty or odd document plans nothing', () => {
    expect(planPush(null, '', options)).toMatchObject({ endpoints: 0, schemas: 0, folders: [], folderCount: 0 });
  });

  it('rollUp sums the first levels', () => {
    const folders = [
      { folder: 'FAL/text-to-image/A', endpoints: 4 },
      { folder: 'FAL/text-to-image/B', endpoints: 4 },
      { folder: 'Comet/chat', endpoints: 1 },
    ];
    expect(rollUp(folders, 2)).toEqual([
      { folder: 'Comet/chat', endpoints: 1, folders: 1 },
      { folder: 'FAL/text-to-image', endpoints: 8, folders: 2 },
    ]);
    expect(rollUp(folders, 1).map((r) => [r.folder, r.endpoints])).toEqual([
      ['Comet', 1],
      ['FAL', 8],
    ]);
  });
});
