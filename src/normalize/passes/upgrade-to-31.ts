import type { Pass } from '../types.js';

const add = (counts: Map<string, number>, c: string) => counts.set(c, (counts.get(c) ?? 0) + 1);

/** Count the 3.1 / JSON Schema constructs a strict OAS 3.0 validator rejects (no allocation per schema). */
function count31Constructs(schema: Record<string, unknown>, counts: Map<string, number>): void {
  if (Array.isArray(schema.examples)) add(counts, 'examples');
  const t = schema.type;
  if (t === 'null' || (Array.isArray(t) && t.includes('null'))) add(counts, 'type: null');
  if ('const' in schema) add(counts, 'const');
  if ('prefixItems' in schema) add(counts, 'prefixItems');
  if (Array.isArray(t)) add(counts, 'type array');
}

/**
 * Whether a schema has anything this pass counts or changes: one look at its own
 * keys (most schemas are `{type: string, description}`), instead of probing it
 * for each keyword.
 */
function hasWork(schema: Record<string, unknown>): boolean {
  for (const k in schema) {
    switch (k) {
      case 'nullable':
      case 'example':
      case 'examples':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'const':
      case 'prefixItems':
        return true;
      case 'type':
        if (typeof schema.type !== 'string' || schema.type === 'null') return true;
    }
  }
  return false;
}

/** Keywords that describe a schema rather than constrain it: they stay outside an `anyOf` wrap (see nullableToType). */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'example', 'externalDocs']);

/**
 * 3.0's `nullable: true` as 3.1 says it: `null` added to `type` (and to `enum`), or, without a
 * `type` (where 3.0 gives `nullable` no meaning), the schema wrapped as `anyOf: [schema, {type:
 * null}]` to keep the intent; with `annotationsOutside`, its annotations (description, title, …)
 * stay on the wrapper, where a `$ref`'s siblings say them in 3.1. `nullable` is removed whatever
 * its value. Schemas it creates go into `done`, so that a walk that meets them again leaves them alone.
 */
export function nullableToType(schema: Record<string, unknown>, done: WeakSet<object>, annotationsOutside = false): void {
  if (schema.nullable === true) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
    else if (schema.type === undefined) {
      const rest: Record<string, unknown> = {};
      const outside: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema)) if (k !== 'nullable') (annotationsOutside && ANNOTATIONS.has(k) ? outside : rest)[k] = v;
      for (const k of Object.keys(schema)) delete schema[k];
      const nullSchema = { type: 'null' };
      done.add(nullSchema);
      Object.assign(schema, { anyOf: [rest, nullSchema] }, outside);
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
  delete schema.nullable;
}

/** Boolean exclusive bounds (3.0) and the bound they qualify. */
const EXCLUSIVE_BOUNDS = [
  ['exclusiveMinimum', 'minimum'],
  ['exclusiveMaximum', 'maximum'],
] as const;

/**
 * Upgrade an OAS 3.0 document to 3.1: `nullable` becomes a `null` type,
 * schema `example` becomes `examples`, boolean exclusive bounds become numbers.
 * Documents that claim 3.0.x but already use 3.1 constructs are reported once
 * each with the constructs counted (FAL's 3.0.4 documents).
 */
export const upgradeTo31: Pass = {
  name: 'upgrade-to-3.1',
  description: 'Upgrade OpenAPI 3.0.x documents to 3.1 (nullable, example, exclusive bounds).',
  schemas(src, ctx) {
    const doc = src.doc;
    const version = typeof doc.openapi === 'string' ? doc.openapi : '';
    if (!version.startsWith('3.0')) return undefined;
    const constructs = new Map<string, number>();
    let nullable = 0;
    let example = 0;
    let bounds = 0;
    // Schemas this pass created or changed are not evidence of what the source used. A schema
    // object can be met again (a YAML alias puts one object in several places): it is upgraded once.
    const done = new WeakSet<object>();
    return {
      schema(schema) {
        if (done.has(schema)) return;
        if (!hasWork(schema)) return;
        count31Constructs(schema, constructs);
        let changed = false;
        if ('nullable' in schema) {
          if (schema.nullable === true) nullable++;
          nullableToType(schema, done);
          changed = true;
        }
        if ('example' in schema) {
          example++;
          if (!Array.isArray(schema.examples)) schema.examples = [schema.example];
          delete schema.example;
          changed = true;
        }
        for (const [flag, bound] of EXCLUSIVE_BOUNDS) {
          if (typeof schema[flag] === 'boolean') {
            bounds++;
            if (schema[flag] === true && typeof schema[bound] === 'number') {
              schema[flag] = schema[bound];
              delete schema[bound];
            } else delete schema[flag];
            changed = true;
          }
        }
        if (changed) done.add(schema);
      },
      leave() {
        if (constructs.size > 0) {
          const list = [...constructs]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([c, n]) => `${c} ×${n}`)
            .join(', ');
          ctx.report({
            ruleId: 'claims-3.0-uses-3.1',
            severity: 'warn',
            message: `claims OpenAPI ${version} but uses 3.1 / JSON Schema constructs (${list}); read as 3.1`,
            pointer: '/openapi',
          });
        }
        const changes = [nullable && `nullable ×${nullable}`, example && `example ×${example}`, bounds && `boolean exclusive bounds ×${bounds}`].filter(
          Boolean,
        );
        ctx.report({
          ruleId: 'upgrade-to-3.1',
          severity: 'info',
          message: `upgraded from ${version} to 3.1.0${changes.length ? ` (${changes.join(', ')})` : ''}`,
          pointer: '/openapi',
        });
        doc.openapi = '3.1.0';
      },
    };
  },
};
