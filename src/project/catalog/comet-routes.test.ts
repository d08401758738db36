import { describe, expect, it } from 'vitest';
import { cometRoutes } from './comet-routes.js';
import { indexSpec } from './spec-index.js';

/** Operations as the two generations of the Comet document mark them: by tag (today) or by folder and x-hub-source alone (fuller). */
const op = (operationId: string, tag: string | null, folder: string | null = null) => ({
  operationId,
  ...(tag ? { tags: [tag] } : {}),
  ...(folder ? { 'x-apidog-folder': folder } : {}),
  'x-hub-source': { provider: 'comet' },
});
const spec = {
  openapi: '3.1.0',
  paths: {
    '/v1/models': { get: op('listModels', 'Comet Models') },
    '/v1/chat/completions': { post: op('chat', 'Comet Chat') },
    '/v1/responses': { post: op('responses', null, 'Comet/OpenAI/responses') },
    '/v1/messages': { post: op('anthropicMessages', null, 'Comet/Anthropic') },
    '/v1/embeddings': { post: op('embed', 'Comet Embeddings') },
    '/v1/images/generations': { post: op('images', 'Comet Images') },
    '/v1/images/edits': { post: op('imageEdits', null, 'Comet/images') },
    '/v1/videos': { post: op('videosCreate', null, 'Comet/videos') },
    '/v1/videos/{video_id}': { get: op('videosGet', null, 'Comet/videos') },
    '/mj/submit/imagine': { post: op('mjImagine', 'Comet Midjourney') },
    '/mj/submit/describe': { post: op('mjDescribe', null, 'Comet/midjourney') },
    '/mj/task/{id}/fetch': { get: op('mjFetch', 'Comet Midjourney') },
    '/kling/v1/videos/text2video': { post: op('klingT2v', 'Comet Kling') },
    '/kling/v1/videos/image2video': { post: op('klingI2v', null, 'Comet/kling') },
    '/replicate/v1/models/{models}/predictions': { post: op('replicatePredict', null, 'Comet/replicate') },
    '/fal-ai/flux/dev': { post: { operationId: 'falFlux', 'x-hub-source': { provider: 'fal' } } },
  },
};
const index = indexSpec(spec);

describe('cometRoutes', () => {
  it.each([
    ['gpt-4o-mini', 'llm', [], ['chat', 'responses'], 'chat'],
    ['claude-sonnet-4-5', 'llm', ['claude'], ['chat', 'responses', 'anthropicMessages'], 'chat'],
    ['text-embedding-3-small', 'embeddings', ['openai'], ['embed'], 'embed'],
    ['dall-e-3', 'text-to-image', ['openai-images'], ['images'], 'images'],
    ['qwen-image-edit', 'image-to-image', [], ['imageEdits', 'images'], 'imageEdits'],
    ['sora-2', 'text-to-video', ['sora'], ['videosCreate', 'videosGet'], 'videosCreate'],
    // native task families: their own routes first, the one named like the model first
    ['mj_fast_describe', 'vision', ['midjourney'], ['mjDescribe', 'mjImagine', 'mjFetch', 'chat', 'responses'], 'mjDescribe'],
    ['mj_fast_imagine', 'text-to-image', ['midjourney'], ['mjImagine', 'mjDescribe', 'mjFetch', 'images'], 'mjImagine'],
    ['kling_video', 'text-to-video', ['kling'], ['klingT2v', 'klingI2v', 'videosCreate', 'videosGet'], 'klingT2v'],
    ['black-forest-labs/flux-dev', 'text-to-image', ['flux'], ['images', 'replicatePredict'], 'images'],
    // a registry from before categories: classified from the id
    ['kling_video', 'video', [], ['klingT2v', 'klingI2v', 'videosCreate', 'videosGet'], 'klingT2v'],
    ['brand-new-thing', null, [], [], undefined],
  ])('%s (%s)', (id, category, tags, ops, primary) => {
    const r = cometRoutes(index, { id, category, tags });
    expect(r.operations.map((o) => o.operationId)).toEqual(ops);
    expect(r.primary?.operationId).toBe(primary);
  });
});
