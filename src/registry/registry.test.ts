import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildRegistry } from './registry.js';
import { cometPricing } from '../fetch/pricing.js';
import { serializeRegistry } from './registry.js';
import type { FalListing } from '../fetch/fal/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(await readFile(`${root}schemas/model-registry.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe('model registry schema', () => {
  it('the committed data/model_registry.json is valid', async () => {
    const registry: unknown = JSON.parse(await readFile(`${root}data/model_registry.json`, 'utf8'));
    expect(validate(registry), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('rejects an entry without a document reason, or a token price without token prices', () => {
    const bad = {
      $schema: 'x',
      counts: { total: 1, fal: 1, comet: 0, withDocument: 0 },
      models: [
        {
          provider: 'fal',
          id: 'a',
          displayName: 'a',
          category: null,
          status: 'unavailable',
          tags: [],
          pricing: { unitPrice: null, unit: 'image', currency: 'USD' },
          document: { available: false, file: null, sha256: null, reason: null },
          operationIds: [],
        },
      ],
    };
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/models/0/pricing', '/models/0/document']));
    // A price always says where it came from.
    const undated = {
      ...bad,
      models: [
        {
          ...bad.models[0],
          status: 'active',
          pricing: { unitPrice: 1, unit: 'image', currency: 'USD' },
          document: { available: true, file: 'f', sha256: 'a'.repeat(64), reason: null },
        },
      ],
    };
    expect(validate(undated)).toBe(false);
    expect(validate.errors?.map((e) => e.message)).toContain("must have required property 'source'");
  });
});

describe('buildRegistry', () => {
  const listing: FalListing = {
    provider: 'fal',
    source: 's',
    models: [
      {
        endpoint_id: 'fal-ai/flux/dev',
        metadata: { display_name: 'FLUX.1 [dev]', category: 'text-to-image', status: 'active', tags: ['t'] },
        openapi: { status: 'available', file: 'openapi/fal-ai__flux__dev.json', sha256: 'a'.repeat(64) },
        pricing: { unit_price: 0.025, unit: 'megapixels', currency: 'USD', source: 'fal-public-snapshot', as_of: '2025-10-30' },
      },
      { endpoint_id: 'fal-ai/hyper-sdxl', metadata: null, openapi: { status: 'unavailable', code: 'expansion_failed', message: 'gone' } },
    ],
  };
  const comet = {
    provider: 'comet' as const,
    source: 's',
    models: [
      { id: 'gpt-4o', object: 'model', created: 1, owned_by: 'openai', supported_endpoint_types: [] },
      { id: 'flux-dev', object: 'model', created: 1, owned_by: 'custom', supported_endpoint_types: [] },
    ],
    api: {
      provider: 'comet' as const,
      source: 's',
      asOf: '2026-01-02',
      models: [
        {
          id: 'gpt-4o',
          model_type: 'text',
          features: ['chat', 'openai'],
          pricing: { currency: 'USD / M Tokens', input: 2, output: 8, per_request: null, per_second: null },
        },
      ],
    },
    document: { file: 'specs/providers/comet/openapi.yaml', sha256: 'b'.repeat(64) },
  };

  it('one valid entry per model, in a stable order whatever the input order', () => {
    const a = buildRegistry(listing, comet);
    const b = buildRegistry({ ...listing, models: [...listing.models].reverse() }, { ...comet, models: [...comet.models].reverse() });
    expect(serializeRegistry(a)).toBe(serializeRegistry(b));
    expect(validate(a), JSON.stringify(validate.errors)).toBe(true);
    expect(a.models.map((m) => `${m.provider}:${m.id}`)).toEqual(['comet:flux-dev', 'comet:gpt-4o', 'fal:fal-ai/flux/dev', 'fal:fal-ai/hyper-sdxl']);
    // Comet: the catalog's features give the category (chat -> llm), the id the family; prices say where and when.
    expect(a.models[0]).toMatchObject({ category: 'text-to-image', tags: ['flux', 'custom'], pricing: null });
    expect(a.models[1]).toMatchObject({
      category: 'llm',
      tags: ['openai', 'chat'],
      pricing: { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 2, output: 8, source: 'comet-api-models', asOf: '2026-01-02' },
      document: { sha256: 'b'.repeat(64) },
    });
    expect(a.models[2]).toMatchObject({
      pricing: { unitPrice: 0.025, unit: 'megapixels', currency: 'USD', source: 'fal-public-snapshot', asOf: '2025-10-30' },
      operationIds: ['falAiFluxDevSubmit', 'falAiFluxDevStatus', 'falAiFluxDevResult', 'falAiFluxDevCancel'],
    });
    expect(a.models[3]).toMatchObject({ status: 'unavailable', operationIds: [], document: { available: false, reason: 'expansion_failed: gone' } });
  });
});

describe('cometPricing', () => {
  it.each([
    [
      'tokens',
      { currency: 'USD / M Tokens', input: 4, output: 24, per_request: null, per_second: null },
      { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 4, output: 24 },
    ],
    ['per request', { currency: 'USD', input: null, output: null, per_request: 0.04, per_second: null }, { unitPrice: 0.04, unit: 'request', currency: 'USD' }],
    ['per second', { currency: 'USD', per_second: 0.4 }, { unitPrice: 0.4, unit: 'second', currency: 'USD' }],
    ['per 1K tokens', { currency: 'usd / 1K tokens', input: 0.1 }, { unitPrice: null, unit: '1K tokens', currency: 'USD', input: 0.1 }],
    ['nothing priced', { currency: 'USD / M Tokens', input: null, output: null }, null],
    ['not an object', 'free', null],
    ['negative price ignored', { currency: 'USD', per_request: -1 }, null],
  ] as const)('%s', (_name, given, want) => {
    expect(cometPricing(given)).toEqual(want);
  });
});
