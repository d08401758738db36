import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { load, CORE_SCHEMA } from 'js-yaml';
import { projectRoot } from './helpers/cli.js';
import { isObject } from '../src/core/json.js';
import { parsePointer } from '../src/core/pointer.js';
import { HTTP_METHODS } from '../src/normalize/schema-walk.js';

/**
 * Every endpoint that Comet's docs mark current (the shared fact sheet comet-api.md, §0-§14: 45
 * established endpoints, Gemini counted once for its two operators) must be in the committed unified
 * document with its method, path, Comet provenance and docs page. One row per endpoint: method, path
 * in the unified document, and the start of the docs page the operation must cite.
 */
const CURRENT: ReadonlyArray<readonly [method: string, path: string, docs: string]> = [
  // §2 model lists
  ['get', '/api/models', 'https://apidoc.cometapi.com/overview/models'],
  ['get', '/v1/models', 'https://apidoc.cometapi.com/'],
  // §3 text
  ['post', '/v1/chat/completions', 'https://apidoc.cometapi.com/api/text/chat'],
  ['post', '/v1/responses', 'https://apidoc.cometapi.com/api/text/responses'],
  ['post', '/v1/messages', 'https://apidoc.cometapi.com/api/text/anthropic-messages'],
  ['post', '/v1beta/models/{model}:generateContent', 'https://apidoc.cometapi.com/api/text/gemini-generating-content'],
  ['post', '/v1beta/models/{model}:streamGenerateContent', 'https://apidoc.cometapi.com/api/text/gemini-generating-content'],
  ['post', '/v1/embeddings', 'https://apidoc.cometapi.com/api/text/embeddings'],
  // §4 images
  ['post', '/v1/images/generations', 'https://apidoc.cometapi.com/api/image/openai/images'],
  ['post', '/v1/images/edits', 'https://apidoc.cometapi.com/api/image/openai/image-editing'],
  ['get', '/flux/v1/get_result', 'https://apidoc.cometapi.com/api/image/flux/flux-query'],
  ['post', '/replicate/v1/models/{owner}/{name}/predictions', 'https://apidoc.cometapi.com/api/image/replicate/create-predictions-general'],
  // §5 audio
  ['post', '/v1/audio/speech', 'https://apidoc.cometapi.com/api/audio/create-speech'],
  ['post', '/v1/audio/transcriptions', 'https://apidoc.cometapi.com/api/audio/create-transcription'],
  ['post', '/v1/audio/translations', 'https://apidoc.cometapi.com/id/api/audio/create-translation'],
  // §6 Midjourney
  ['post', '/mj/submit/imagine', 'https://apidoc.cometapi.com/api/image/midjourney/imagine'],
  ['get', '/mj/task/{id}/fetch', 'https://apidoc.cometapi.com/api/image/midjourney/task-fetching-api/fetch-single-task'],
  ['post', '/mj/submit/action', 'https://apidoc.cometapi.com/api/image/midjourney/action'],
  ['post', '/mj/submit/modal', 'https://apidoc.cometapi.com/ja/api/image/midjourney/modal'],
  ['post', '/mj/submit/describe', 'https://apidoc.cometapi.com/api/image/midjourney/describe'],
  ['post', '/mj/submit/video', 'https://apidoc.cometapi.com/api/image/midjourney/submit-video'],
  ['post', '/mj/task/list-by-condition', 'https://apidoc.cometapi.com/api/image/midjourney/task-fetching-api/list-by-condition'],
  // §7 Suno
  ['post', '/suno/submit/music', 'https://apidoc.cometapi.com/doc-1252042'],
  ['get', '/suno/fetch/{task_id}', 'https://apidoc.cometapi.com/doc-1252042'],
  ['post', '/suno/fetch', 'https://apidoc.cometapi.com/batch-task-fetch-api-13851484'],
  // §8 Kling
  ['post', '/kling/v1/videos/text2video', 'https://apidoc.cometapi.com/api/video/kling/text-to-video'],
  ['post', '/kling/v1/videos/image2video', 'https://apidoc.cometapi.com/api/video/kling/image-to-video'],
  ['post', '/kling/v1/videos/omni-video', 'https://apidoc.cometapi.com/api/video/kling/omni-video'],
  ['get', '/kling/v1/{action}/{action2}/{task_id}', 'https://apidoc.cometapi.com/api/video/kling/individual-queries'],
  ['get', '/kling/v1/videos/omni-video/{task_id}', 'https://apidoc.cometapi.com/ja/api/video/kling/omni-query'],
  // §9 Runway
  ['post', '/runwayml/v1/image_to_video', 'https://apidoc.cometapi.com/api/video/runway'],
  ['post', '/runwayml/v1/video_to_video', 'https://apidoc.cometapi.com/it/api/video/runway/official-format/generate-a-video-from-a-video'],
  ['get', '/runwayml/v1/tasks/{id}', 'https://apidoc.cometapi.com/api/video/runway/official-format/runway-to-get-task-details'],
  ['post', '/runway/pro/generate', 'https://apidoc.cometapi.com/api/video/runway/compatibility-format/generate'],
  ['post', '/runway/feed', 'https://apidoc.cometapi.com/api/video/runway/compatibility-format/feed-get-task'],
  // §10 /v1/videos
  ['post', '/v1/videos', 'https://apidoc.cometapi.com/api/video'],
  ['get', '/v1/videos/{video_id}', 'https://apidoc.cometapi.com/api/video/sora-2/official/retrieve-video'],
  ['get', '/v1/videos/{video_id}/content', 'https://cometapi.mintlify.app/api/video/sora-2/official/retrieve-video-content'],
  ['post', '/v1/videos/{video_id}/remix', 'https://apidoc.cometapi.com/api/video/sora-2/remix'],
  // §11 Volcengine
  ['post', '/volc/v3/contents/generations/tasks', 'https://apidoc.cometapi.com/fr/api/video/bytedance/bytedance-video'],
  ['get', '/volc/v3/contents/generations/tasks/{id}', 'https://apidoc.cometapi.com/fr/api/video/bytedance/bytedance-video-get'],
  // §12 xAI
  ['post', '/grok/v1/videos/generations', 'https://apidoc.cometapi.com/api/video/xai/video-generation'],
  ['post', '/grok/v1/videos/edits', 'https://apidoc.cometapi.com/api/video/xai/video-edit'],
  ['get', '/grok/v1/videos/{request_id}', 'https://apidoc.cometapi.com/api/video/xai/get-video-generation-results'],
  // §13 Luma, §14 balance
  ['get', '/dream-machine/v1/generations/{task_id}', 'https://apidoc.cometapi.com/luma-search-14564831e0'],
  ['get', '/user/quota', 'https://apidoc.cometapi.com/pricing/balance-query'],
];

type Obj = Record<string, unknown>;
const doc = load(readFileSync(join(projectRoot, 'specs', 'openapi.yaml'), 'utf8'), { schema: CORE_SCHEMA }) as Obj;
const paths = doc.paths as Record<string, Obj>;
const report = JSON.parse(readFileSync(join(projectRoot, 'specs', 'build-report.json'), 'utf8')) as {
  excluded: Array<{ provider: string; id: string; reason: string }>;
};

const operations = new Map<string, Obj>();
for (const [path, item] of Object.entries(paths)) for (const m of HTTP_METHODS) if (isObject(item[m])) operations.set(`${m} ${path}`, item[m] as Obj);
const byId = new Map([...operations].map(([k, op]) => [op.operationId as string, { key: k, op }]));
const cometOps = [...operations].filter(([, op]) => (op['x-hub-source'] as Obj | undefined)?.provider === 'comet');

describe('Comet in the unified document (specs/openapi.yaml)', () => {
  it('lists 46 current endpoints (45 established, Gemini counted twice)', () => {
    expect(CURRENT).toHaveLength(46);
    expect(new Set(CURRENT.map(([m, p]) => `${m} ${p}`)).size).toBe(46);
  });

  it.each(CURRENT)('%s %s is there, from Comet, with its docs page', (method, path, docs) => {
    const op = operations.get(`${method} ${path}`);
    expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
    expect((op!['x-hub-source'] as Obj).provider).toBe('comet');
    expect((op!.externalDocs as Obj | undefined)?.url).toMatch(new RegExp(`^${docs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(op!.operationId).toMatch(/^comet[A-Z]/);
    expect(op!.tags).toEqual([expect.stringMatching(/^Comet /)]);
  });

  it('has no Comet operation that the table does not list (the table is the whole surface)', () => {
    const listed = new Set(CURRENT.map(([m, p]) => `${m} ${p}`));
    expect(cometOps.map(([k]) => k).filter((k) => !listed.has(k))).toEqual([]);
  });

  it('lists what the docs mark removed or unavailable as excluded, and leaves it out', () => {
    const comet = report.excluded.filter((e) => e.provider === 'comet');
    expect(comet.map((e) => e.id)).toEqual(['flux-generate', 'ideogram', 'recraft', 'udio']);
    for (const e of comet) expect(e.reason).toMatch(/Temporarily (removed|unavailable)/);
    expect(operations.has('post /flux/v1/{model}')).toBe(false);
  });

  it('links every task submit to its poll: x-hub-poll names an existing operation and its parameters, and GET polls with path parameters are standard links too', () => {
    const polls = cometOps.filter(([, op]) => op['x-hub-poll'] !== undefined);
    expect(polls.map(([k]) => k).sort()).toEqual(
      [
        'post /grok/v1/videos/edits',
        'post /grok/v1/videos/generations',
        'post /kling/v1/videos/image2video',
        'post /kling/v1/videos/omni-video',
        'post /kling/v1/videos/text2video',
        'post /mj/submit/action',
        'post /mj/submit/describe',
        'post /mj/submit/imagine',
        'post /mj/submit/modal',
        'post /mj/submit/video',
        'post /replicate/v1/models/{owner}/{name}/predictions',
        'post /runway/pro/generate',
        'post /runwayml/v1/image_to_video',
        'post /runwayml/v1/video_to_video',
        'post /suno/submit/music',
        'post /v1/videos',
        'post /v1/videos/{video_id}/remix',
        'post /volc/v3/contents/generations/tasks',
      ].sort(),
    );
    for (const [key, op] of polls) {
      const poll = op['x-hub-poll'] as {
        operationId: string;
        parameters?: Record<string, string>;
        requestBody?: Record<string, string>;
        status: string;
        done: string[];
        failed: string[];
        result?: string;
        interval: number;
      };
      const target = byId.get(poll.operationId);
      expect(target, `${key}: poll ${poll.operationId}`).toBeDefined();
      const [pollMethod, pollPath] = target!.key.split(' ') as [string, string];
      // Every path parameter of the poll is given; every value is a runtime expression on the body or a constant.
      const pathParams = [...pollPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      expect(Object.keys(poll.parameters ?? {}).sort(), key).toEqual(expect.arrayContaining(pathParams));
      for (const v of [...Object.values(poll.parameters ?? {}), ...Object.values(poll.requestBody ?? {})]) {
        if (v.startsWith('$')) expect(() => parsePointer(v.replace(/^\$response\.body#/, ''))).not.toThrow();
        if (v.startsWith('$')) expect(v, key).toMatch(/^\$response\.body#\//);
      }
      if (pollMethod === 'post') expect(poll.requestBody, `${key}: a POST poll takes a body`).toBeDefined();
      expect(poll.status).toMatch(/^\//);
      expect(poll.done.length).toBeGreaterThan(0);
      expect(poll.failed.length).toBeGreaterThan(0);
      expect(poll.interval).toBeGreaterThan(0);
      if (pollMethod === 'get' && pathParams.length > 0) {
        const links = ((op.responses as Obj)['200'] as Obj).links as Record<string, { operationId: string; parameters: Record<string, string> }>;
        expect(
          Object.values(links ?? {}).some((l) => l.operationId === poll.operationId && pathParams.every((p) => l.parameters[p] === poll.parameters![p])),
          `${key}: links`,
        ).toBe(true);
      }
    }
  });

  it('types the OpenAI-format routes from OpenAI\u2019s document: discriminator mappings written, model an open string', () => {
    const schemas = (doc.components as Obj).schemas as Record<string, Obj>;
    expect((schemas.ChatCompletionRequestMessage!.discriminator as Obj).mapping).toMatchObject({
      system: '#/components/schemas/ChatCompletionRequestSystemMessage',
      user: '#/components/schemas/ChatCompletionRequestUserMessage',
    });
    expect(schemas.ModelIdsShared).toMatchObject({ type: 'string' });
    expect(JSON.stringify(schemas.ModelIdsShared)).not.toContain('enum');
    // No schema of the document carries a list of hundreds of model ids.
    const bigEnums = Object.entries(schemas).filter(([, s]) => JSON.stringify(s).includes('"gpt-4o-mini","gpt-4o-mini-audio-preview"'));
    expect(bigEnums).toEqual([]);
    expect(((paths['/user/quota']!.servers as Obj[])[0] as Obj).url).toBe('https://query.cometapi.com');
    expect((paths['/user/quota']!.get as Obj).security).toEqual([{ cometQueryKey: [] }]);
  });
});
