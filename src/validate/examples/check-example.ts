import { childPointer } from '../../core/pointer.js';
import { resolveRef } from '../refs/resolve.js';
import type { DocumentSet, SourceFile } from '../types.js';
import type { WalkContext } from '../walk.js';
import { checkValue, type CheckOptions } from './schema-check.js';

export interface ExampleProblem {
  file: SourceFile;
  pointer: string;
  message: string;
}

/** Whether a value is read in a request or a response, from where it sits (readOnly/writeOnly). */
export function directionOf(ctx: WalkContext): 'request' | 'response' | undefined {
  let dir: 'request' | 'response' | undefined;
  for (let i = 0, n = ctx.logicalLength; i < n; i++) {
    const s = ctx.logicalAt(i);
    if (s === 'requestBody' || s === 'requestBodies' || (s === 'parameters' && i > 0)) dir = 'request';
    else if (s === 'responses' || s === 'callbacks') dir = s === 'responses' ? 'response' : dir;
  }
  return dir;
}

const optionsCache = new WeakMap<DocumentSet, Map<string, CheckOptions>>();

function optionsFor(set: DocumentSet, direction: 'request' | 'response' | undefined): CheckOptions {
  let m = optionsCache.get(set);
  if (!m) optionsCache.set(set, (m = new Map()));
  const key = direction ?? '';
  let o = m.get(key);
  if (!o) {
    o = {
      version: set.version,
      ...(direction ? { direction } : {}),
      resolve: (ref, from) => {
        const r = resolveRef(set, from, ref);
        return r?.ok ? { schema: r.value, file: r.file } : undefined;
      },
    };
    m.set(key, o);
  }
  return o;
}

/**
 * Check one example (or default) value against a schema; on failure, the
 * problem points at the offending part of the value (`.../example/items/0/id`).
 * `what` names the value in the message ("example", "`default`").
 */
export function checkExample(
  ctx: WalkContext,
  schema: { value: unknown; file: SourceFile },
  example: { value: unknown; file: SourceFile; pointer: string | (() => string) },
  what: string,
): ExampleProblem | undefined {
  // `example: {$ref: 'examples.yml#/x'}`: literal data to the specification, but a reference to
  // every tool that writes it (Redocly resolves it): check what it points to, or nothing when
  // it points nowhere (a dangling one is not a mismatch of the example).
  const v = example.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $ref?: unknown }).$ref === 'string' && Object.keys(v).length === 1) {
    const r = resolveRef(ctx.set, example.file, (v as { $ref: string }).$ref);
    if (!r?.ok) return undefined;
    example = { value: r.value, file: r.file, pointer: r.pointer };
  }
  const bad = checkValue(schema.value, schema.file, example.value, optionsFor(ctx.set, directionOf(ctx)));
  if (!bad) return undefined;
  const where = bad.path.length > 0 ? `\`${bad.path.map(String).join('.')}\` ` : '';
  return {
    file: example.file,
    pointer: childPointer(typeof example.pointer === 'string' ? example.pointer : example.pointer(), ...bad.path),
    message: `${what} does not match its schema: ${where || 'the value '}${bad.message}`,
  };
}
