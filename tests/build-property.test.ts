import { describe, it, expect } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { buildUnified, DEFAULT_SECURITY_SCHEMES } from '../src/normalize/build.js';
import type { Obj, SourceDocument } from '../src/normalize/types.js';
import { forEachRef, HTTP_METHODS } from '../src/normalize/schema-walk.js';
import { canonicalJson, isObject } from '../src/core/json.js';
import { resolvePointer } from '../src/core/pointer.js';
import { validateDocument } from '../src/validate/index.js';
import { seededRandom } from './helpers/random.js';

/**
 * Property: merging N random small documents (shared, identical and clashing
 * component names, references between components, cycles, unused components)
 * keeps every operation, leaves every component reachable, resolves every
 * reference, preserves what each operation's schemas mean, and validates.
 */

const NAMES = ['Item', 'Error', 'Page', 'Meta', 'Image', 'Link'];
const VARIANTS: Array<(ref: (n: string) => Obj) => Obj> = [
  () => ({ type: 'object', properties: { id: { type: 'integer' } } }),
  () => ({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }),
  (ref) => ({ type: 'object', properties: { next: ref('Item') } }),
  (ref) => ({ type: 'array', items: ref('Image') }),
  (ref) => ({ type: 'object', properties: { self: ref('Meta'), tags: { type: 'array', items: { type: 'string' } } } }),
  () => ({ type: ['string', 'null'], enum: ['a', 'b', null] }),
];

function randomDocument(r: () => number, i: number): Obj {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const schemas: Obj = {};
  const names = NAMES.filter(() => r() < 0.6);
  if (names.length === 0) names.push(pick(NAMES));
  const ref = (n: string): Obj => {
    if (!names.includes(n)) names.push(n);
    return { $ref: `#/components/schemas/${n}` };
  };
  for (let k = 0; k < names.length; k++) {
    const n = names[k]!;
    if (schemas[n] === undefined) schemas[n] = pick(VARIANTS)(ref);
  }
  const paths: Obj = {};
  const count = 1 + Math.floor(r() * 3);
  for (let j = 0; j < count; j++) {
    const item: Obj = {};
    for (const m of ['get', 'post'] as const) {
      if (m === 'post' && r() < 0.5) continue;
      item[m] = {
        operationId: `p${i}op${j}${m}`,
        summary: `operation ${j} ${m}`,
        ...(m === 'post' ? { requestBody: { content: { 'application/json': { schema: ref(pick(names)) } } } } : {}),
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: ref(pick(names)) } } },
          default: { $ref: '#/components/responses/Problem' },
        },
      };
    }
    paths[`/p${i}/r${j}`] = item;
  }
  const responses = { Problem: { description: 'problem', content: { 'application/json': { schema: ref(pick(names)) } } } };
  return {
    openapi: r() < 0.5 ? '3.0.3' : '3.1.0',
    info: { title: `p${i}`, version: '1' },
    servers: [{ url: `https://p${i}.example.com` }],
    paths,
    components: { schemas, responses },
  };
}

/** A schema with its references replaced by what they point at, down to a fixed depth (cycles are cut). */
function unfold(doc: Obj, node: unknown, depth: number): unknown {
  if (Array.isArray(node)) return node.map((v) => unfold(doc, v, depth));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return depth === 0 ? '…' : unfold(doc, resolvePointer(doc, node.$ref.slice(1)), depth - 1);
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) out[k] = unfold(doc, v, depth);
  return out;
}

/** What an operation means: its request and response schemas, unfolded. 3.0 `nullable` docs are compared after the 3.1 upgrade. */
const meaning = (doc: Obj, op: Obj) => canonicalJson(unfold(doc, { body: op.requestBody ?? null, responses: op.responses }, 4));

describe('build: merging random documents (property)', () => {
  it.each(Array.from({ length: 16 }, (_, s) => s))('seed %i', async (seed) => {
    const r = seededRandom(seed * 7919 + 1);
    const n = 2 + Math.floor(r() * 11);
    const sources: SourceDocument[] = Array.from({ length: n }, (_, i) => ({
      provider: `p${i}`,
      sourceId: `p${i}`,
      file: `p${i}.yaml`,
      sha256: String(i),
      doc: randomDocument(r, i),
    }));
    // The expected meaning of each operation, taken from a copy built alone (same passes, no merging).
    const alone = new Map<string, string>();
    for (const s of sources) {
      const single = buildUnified({ sources: [s], excluded: [], securitySchemes: {} }).document;
      for (const [path, item] of Object.entries(single.paths as Obj))
        for (const m of HTTP_METHODS) if (isObject((item as Obj)[m])) alone.set(`${path} ${m}`, meaning(single, (item as Obj)[m] as Obj));
    }
    const out = buildUnified({
      sources,
      excluded: [],
      securitySchemes: { ...DEFAULT_SECURITY_SCHEMES },
      providers: sources.map((s) => ({ name: s.provider, source: s.file })),
    });
    expect(out.errors).toEqual([]);
    const doc = out.document;
    const paths = doc.paths as Obj;

    // Every source operation is there, from its provider, meaning what it meant.
    for (const s of sources) {
      for (const [path, item] of Object.entries(s.doc.paths as Obj)) {
        for (const m of HTTP_METHODS) {
          if (!isObject((item as Obj)[m])) continue;
          const op = (paths[path] as Obj | undefined)?.[m] as Obj | undefined;
          expect(op, `${s.provider} ${m} ${path}`).toBeDefined();
          expect((op!['x-hub-source'] as Obj).provider).toBe(s.provider);
          expect(meaning(doc, op!)).toBe(alone.get(`${path} ${m}`));
        }
      }
    }
    // Every reference resolves, and every component is reachable from the paths.
    const reached = new Set<string>();
    const queue: unknown[] = [paths];
    while (queue.length > 0) {
      forEachRef(queue.pop(), (ref) => {
        const target = resolvePointer(doc, ref.slice(1));
        expect(target, ref).toBeDefined();
        if (!reached.has(ref)) {
          reached.add(ref);
          queue.push(target);
        }
      });
    }
    const components = doc.components as Record<string, Obj>;
    for (const [section, entries] of Object.entries(components)) {
      if (section === 'securitySchemes') continue;
      for (const name of Object.keys(entries)) expect(reached, `${section}/${name} is unreachable`).toContain(`#/components/${section}/${name}`);
    }
    // Every rename is in the report.
    for (const rn of out.report.renames) expect(components[rn.section]).toHaveProperty([rn.to]);
    // And the output validates.
    expect((await validateDocument(doc)).filter((d) => d.severity === 'error')).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });
});
