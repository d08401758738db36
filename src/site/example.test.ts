import { describe, expect, it } from 'vitest';
import { cometSnippets, exampleBody, falSnippets } from './example.js';

const doc = {
  components: {
    schemas: {
      In: {
        type: 'object',
        required: ['image_url', 'steps', 'mode', 'size', 'tags', 'style'],
        properties: {
          prompt: { type: 'string', examples: ["it's a banana"] },
          image_url: { type: 'string' },
          steps: { type: 'integer', minimum: 4 },
          mode: { type: 'string', enum: ['fast', 'slow'] },
          size: { anyOf: [{ type: 'null' }, { type: 'string', default: 'square' }] },
          tags: { type: 'array', items: { type: 'string' } },
          style: { $ref: '#/components/schemas/Style' },
          optional: { type: 'string' },
        },
      },
      Style: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'noir' }, strength: { type: 'number' } } },
    },
  },
};

describe('exampleBody', () => {
  it('fills every required field (and prompt) from examples, defaults, enums and types', () => {
    expect(exampleBody(doc, undefined, { $ref: '#/components/schemas/In' })).toEqual({
      prompt: "it's a banana",
      image_url: 'https://example.com/input.png',
      steps: 4,
      mode: 'fast',
      size: 'square',
      tags: ['string'],
      style: { name: 'noir' },
    });
  });

  it("uses the media type's own example first", () => {
    const media = { examples: { basic: { value: { model: 'gpt-4o-mini', messages: [] } } } };
    expect(exampleBody(doc, media, { $ref: '#/components/schemas/In' })).toEqual({ model: 'gpt-4o-mini', messages: [] });
  });
});

describe('snippets', () => {
  it('FAL: hub.fal.subscribe with the id and input; curl with the body quoted for the shell', () => {
    const s = falSnippets('fal-ai/flux/dev', 'https://queue.fal.run', '/fal-ai/flux/dev', { prompt: "it's" });
    expect(s.client).toContain(`hub.fal.subscribe("fal-ai/flux/dev", {\n  "prompt": "it's"\n});`);
    expect(s.curl).toContain(`curl -X POST 'https://queue.fal.run/fal-ai/flux/dev'`);
    expect(s.curl).toContain(`-d '{"prompt":"it'\\''s"}'`);
    expect(s.curl).toContain('Authorization: Key $FAL_KEY');
  });

  it.each([
    ['POST', '/v1/chat/completions', 'hub.comet.chat.completions({'],
    ['POST', '/v1/images/generations', 'hub.comet.images.generate({'],
    ['POST', '/v1/embeddings', 'hub.comet.embeddings.create({'],
    ['POST', '/mj/submit/imagine', 'hub.comet.midjourney.imagine({'],
    ['POST', '/kling/v1/videos/text2video', 'hub.comet.POST("/kling/v1/videos/text2video", { body: {'],
  ])('Comet %s %s -> %s', (method, path, call) => {
    const s = cometSnippets(method, 'https://api.cometapi.com', path, { model: 'm' });
    expect(s.client).toContain(call);
    expect(s.curl).toContain(`curl -X ${method} 'https://api.cometapi.com${path}'`);
    expect(s.curl).toContain('Authorization: Bearer $COMET_API_KEY');
  });

  it('Comet without a body: the typed GET, curl without -d', () => {
    const s = cometSnippets('GET', 'https://api.cometapi.com', '/v1/models', undefined);
    expect(s.client).toContain('hub.comet.GET("/v1/models")');
    expect(s.curl).not.toContain('-d');
  });
});
