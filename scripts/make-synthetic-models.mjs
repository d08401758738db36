#!/usr/bin/env node
// Writes a synthetic FAL-style snapshot of N model documents (default 5,000) for the build
// benchmark: specs/providers/fal/models.json (the listing, with sha256 per document) and one
// "Queue OpenAPI" document per model under specs/providers/fal/openapi/, shaped like the real
// ones (provider-apis.md §1.4): 4 queue paths, claims 3.0.4 but uses 3.1 constructs, no
// operationId/summary/tags. What makes merging hard is built in:
//   - shared components: QueueStatus and ImageSize are identical in every document;
//   - clashing components: Image (5 variants), LoraWeight (6), File (4), Video (3), and
//     Input/Output names that repeat across owners (owner-a/model-x, owner-b/model-x);
//   - quirks: non-standard keywords (step, max_pixels), a tuple written as items {"0","1"},
//     and a dangling $ref in every 500th document.
// Deterministic: the same N and seed give the same bytes.
//
//   node scripts/make-synthetic-models.mjs [--count 5000] [--seed 1] --out DIR
//
// Also exported: makeSyntheticModels({ count, seed }) -> [{ endpointId, file, doc, metadata }],
// writeSyntheticProject(dir, { count, seed }) -> { files: [absolute paths] }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.mjs';

const OWNERS = ['fal-ai', 'acme', 'pixelworks', 'sonic', 'motionlab', 'bria', 'veed', 'wan', 'decart', 'openrouter'];
const FAMILIES = ['flux', 'sdxl', 'video-gen', 'tts', 'music', 'upscale', 'avatar', 'edit', 'depth', 'caption', 'lipsync', 'mesh'];
const CATEGORIES = ['text-to-image', 'image-to-image', 'text-to-video', 'image-to-video', 'text-to-speech', 'audio-to-audio', 'image-to-3d'];

const pascal = (id) =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

const QUEUE_STATUS = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'] },
    request_id: { type: 'string', description: 'The request id.' },
    response_url: { type: 'string' },
    status_url: { type: 'string' },
    cancel_url: { type: 'string' },
    logs: { type: 'object', additionalProperties: true },
    metrics: { type: 'object', additionalProperties: true },
    queue_position: { type: 'integer' },
  },
  required: ['status', 'request_id'],
};
const IMAGE_SIZE = { title: 'ImageSize', type: 'object', properties: { width: { type: 'integer', default: 512 }, height: { type: 'integer', default: 512 } } };
const variants = (name, n, make) => Array.from({ length: n }, (_, i) => make(i, name));
const CLASHING = {
  Image: variants('Image', 5, (i) => ({
    title: 'Image',
    type: 'object',
    properties: {
      url: { type: 'string' },
      ...(i > 0 ? { width: { type: 'integer' } } : {}),
      ...(i > 1 ? { height: { type: 'integer' } } : {}),
      ...(i > 2 ? { content_type: { type: 'string' } } : {}),
      ...(i > 3 ? { file_size: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } : {}),
    },
    required: ['url'],
  })),
  LoraWeight: variants('LoraWeight', 6, (i) => ({
    title: 'LoraWeight',
    type: 'object',
    properties: { path: { type: 'string' }, scale: { type: 'number', default: 1, maximum: 2 + i } },
    required: ['path'],
  })),
  File: variants('File', 4, (i) => ({
    title: 'File',
    type: 'object',
    properties: {
      url: { type: 'string' },
      ...(i % 2 ? { file_name: { type: 'string' } } : {}),
      ...(i > 1 ? { file_data: { type: 'string', format: 'binary' } } : {}),
    },
    required: ['url'],
  })),
  Video: variants('Video', 3, (i) => ({
    title: 'Video',
    type: 'object',
    properties: { url: { type: 'string' }, ...(i > 0 ? { duration: { type: 'number' } } : {}), ...(i > 1 ? { fps: { type: 'integer' } } : {}) },
  })),
};

function modelDocument(r, endpointId, index) {
  const P = pascal(endpointId.split('/').slice(1).join('-') || endpointId);
  const inName = `${P}Input`;
  const outName = `${P}Output`;
  const schemas = { QueueStatus: QUEUE_STATUS, ImageSize: IMAGE_SIZE };
  const inputProps = {
    prompt: { title: 'Prompt', type: 'string', description: `The prompt for ${endpointId}.`, examples: ['a banana on the moon'] },
    seed: { anyOf: [{ type: 'integer' }, { type: 'null' }], title: 'Seed' },
    image_size: { $ref: '#/components/schemas/ImageSize' },
    num_inference_steps: { type: 'integer', minimum: 1, maximum: 50, default: 28, step: 1 },
  };
  const outputProps = { seed: { type: 'integer' }, timings: { type: 'object', additionalProperties: true } };
  for (const name of Object.keys(CLASHING)) {
    if (r() < 0.45) continue;
    const list = CLASHING[name];
    schemas[name] = list[Math.floor(r() * list.length)];
    if (name === 'LoraWeight') inputProps.loras = { type: 'array', items: { $ref: '#/components/schemas/LoraWeight' } };
    else if (name === 'File') inputProps.reference = { $ref: '#/components/schemas/File' };
    else outputProps[name.toLowerCase() + 's'] = { type: 'array', items: { $ref: `#/components/schemas/${name}` } };
  }
  if (r() < 0.3) inputProps.guidance = { type: 'number', minimum: 0, maximum: 20, max_pixels: 1048576, limit_description: 'up to 20' };
  if (r() < 0.05) outputProps.timestamps = { type: 'array', items: { 0: { type: 'number' }, 1: { type: 'number' } } };
  if (index % 500 === 499) inputProps.tracks = { type: 'array', items: { $ref: '#/components/schemas/TrackPoint' } };
  for (let k = 0, n = Math.floor(r() * 8); k < n; k++) {
    const type = pick(r, ['string', 'integer', 'number', 'boolean']);
    inputProps[`option_${k}`] = { type, description: `Option ${k} of ${endpointId}.`, ...(type === 'string' && r() < 0.5 ? { enum: ['a', 'b', 'c'] } : {}) };
  }
  schemas[inName] = { title: inName, type: 'object', properties: inputProps, required: ['prompt'], 'x-fal-order-properties': Object.keys(inputProps) };
  schemas[outName] = { title: outName, type: 'object', properties: outputProps };
  const base = `/${endpointId}`;
  const rid = [{ name: 'request_id', in: 'path', required: true, schema: { type: 'string' } }];
  const json = (ref, description) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
  return {
    openapi: '3.0.4',
    info: {
      title: `Queue OpenAPI for ${endpointId}`,
      version: '1.0.0',
      description: `The OpenAPI schema for the ${endpointId} queue.`,
      'x-fal-metadata': { endpointId },
    },
    components: { securitySchemes: { apiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Fal Key' } }, schemas },
    paths: {
      [`${base}/requests/{request_id}/status`]: {
        get: {
          parameters: [...rid, { name: 'logs', in: 'query', required: false, schema: { type: 'number' } }],
          responses: { 200: json('QueueStatus', 'The request status.') },
        },
      },
      [`${base}/requests/{request_id}/cancel`]: {
        put: {
          parameters: rid,
          responses: {
            200: {
              description: 'The request was cancelled.',
              content: { 'application/json': { schema: { type: 'object', properties: { success: { type: 'boolean' } } } } },
            },
          },
        },
      },
      [base]: {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${inName}` } } } },
          responses: { 200: json('QueueStatus', 'The request status.') },
        },
      },
      [`${base}/requests/{request_id}`]: { get: { parameters: rid, responses: { 200: json(outName, 'Result of the request.') } } },
    },
    servers: [{ url: 'https://queue.fal.run' }],
    security: [{ apiKeyAuth: [] }],
  };
}

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

/** N model documents: ids `<owner>/<family>-<k>[/<variant>]`; model names repeat across owners, as FAL's do. */
export function makeSyntheticModels({ count = 5000, seed = 1 } = {}) {
  const r = seededRandom(seed);
  const models = [];
  const seen = new Set();
  for (let i = 0; models.length < count; i++) {
    const owner = OWNERS[i % OWNERS.length];
    const k = Math.floor(i / (OWNERS.length * 2));
    const family = FAMILIES[k % FAMILIES.length];
    const variant = i % 3 === 0 ? `/v${1 + (i % 4)}` : '';
    const endpointId = `${owner}/${family}-${Math.floor(k / FAMILIES.length)}${variant}`;
    if (seen.has(endpointId)) continue;
    seen.add(endpointId);
    const category = pick(r, CATEGORIES);
    models.push({
      endpointId,
      file: `openapi/${endpointId.split('/').join('__')}.json`,
      doc: modelDocument(r, endpointId, models.length),
      metadata: { display_name: `${pascal(family)} ${endpointId}`, category, description: `Synthetic ${category} model.`, status: 'active', tags: [] },
    });
  }
  return models;
}

/** Write the models as a project's FAL snapshot under `dir` (specs/providers/fal/…); returns the document paths. */
export function writeSyntheticProject(dir, options = {}) {
  const fal = join(dir, 'specs', 'providers', 'fal');
  mkdirSync(join(fal, 'openapi'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const models = makeSyntheticModels(options);
  const listing = [];
  const files = [];
  for (const m of models) {
    const text = JSON.stringify(m.doc, null, 2) + '\n';
    const path = join(fal, m.file);
    writeFileSync(path, text);
    files.push(path);
    listing.push({
      endpoint_id: m.endpointId,
      metadata: m.metadata,
      openapi: { status: 'available', file: m.file, sha256: createHash('sha256').update(text).digest('hex') },
    });
  }
  listing.sort((a, b) => (a.endpoint_id < b.endpoint_id ? -1 : a.endpoint_id > b.endpoint_id ? 1 : 0));
  writeFileSync(
    join(fal, 'models.json'),
    JSON.stringify({ provider: 'fal', source: 'synthetic (scripts/make-synthetic-models.mjs)', models: listing }, null, 2) + '\n',
  );
  return { files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const out = opt('--out');
  if (!out) {
    process.stderr.write('usage: node scripts/make-synthetic-models.mjs [--count 5000] [--seed 1] --out DIR\n');
    process.exit(2);
  }
  const { files } = writeSyntheticProject(resolve(out), { count: Number(opt('--count', 5000)), seed: Number(opt('--seed', 1)) });
  process.stdout.write(`wrote ${files.length} model documents under ${resolve(out)}/specs/providers/fal\n`);
}
