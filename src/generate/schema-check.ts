import { isObject } from '../core/json.js';
import { childPointer, resolvePointer } from '../core/pointer.js';

/** Maps whose keys are names chosen by the author, never keywords: every entry is walked. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'headers',
  'links',
  'callbacks',
  'responses',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'pathItems',
]);
/**
 * Keywords whose values are data, not OpenAPI or JSON Schema: a `$ref` inside them is not a reference.
 * `examples` is data only as a JSON Schema array; as a map it holds Example Objects (`$ref`, `externalValue`).
 */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/**
 * Why openapi-typescript's Redocly passes (lint, then bundle) could matter for
 * this document, or undefined when they cannot, and its types can be made from
 * the document as it is. They cannot when:
 * - every `$ref` is local (`#/...`) and resolves: the bundle then leaves it as it
 *   is (it inlines or moves only what another file holds), and the lint reports
 *   no unresolved reference;
 * - every discriminator `mapping` names a schema of `#/components/schemas`: the
 *   bundle rewrites any other form;
 * - no Example has an `externalValue`, which the bundle would read from disk;
 * - operationIds are unique, the error the lint adds to its `minimal` rules.
 * The one other change the bundle makes, an empty `components` when there is
 * none, is made by `emitSchemaTypes` itself.
 * The answer names the first place that leaves this subset.
 */
export function needsRedoclyPasses(doc: Record<string, unknown>): string | undefined {
  return new SubsetWalk(doc).walk(doc, false) ?? duplicateOperationId(doc);
}

/** One pass over the document; the pointer of a node is made only for the answer (a path stack, no string per node). */
class SubsetWalk {
  private readonly path: Array<string | number> = [];
  /** Each distinct `$ref` is resolved once. */
  private readonly resolved = new Map<string, boolean>();

  constructor(private readonly doc: Record<string, unknown>) {}

  private at(): string {
    return childPointer('', ...this.path) || '/';
  }

  walk(node: unknown, namesOnly: boolean): string | undefined {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        this.path.push(i);
        const found = this.walk(node[i], false);
        this.path.pop();
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isObject(node)) return undefined;
    if (!namesOnly) {
      const found = this.check(node);
      if (found !== undefined) return found;
    }
    for (const key of Object.keys(node)) {
      if (!namesOnly && (DATA_KEYS.has(key) || key.startsWith('x-') || (key === 'examples' && Array.isArray(node[key])))) continue;
      this.path.push(key);
      const found = this.walk(node[key], !namesOnly && NAME_MAPS.has(key));
      this.path.pop();
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private check(node: Record<string, unknown>): string | undefined {
    const ref = node.$ref;
    if (typeof ref === 'string' && !this.resolves(ref)) return `$ref ${JSON.stringify(ref)} at ${this.at()} is not a local reference that resolves`;
    if (node.externalValue !== undefined) return `externalValue at ${this.at()}`;
    if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
      for (const [name, target] of Object.entries(node.discriminator.mapping)) {
        if (!isSchemaRef(this.doc, target)) return `discriminator mapping ${JSON.stringify(name)} at ${this.at()} is not a #/components/schemas reference`;
      }
    }
    return undefined;
  }

  private resolves(ref: string): boolean {
    let ok = this.resolved.get(ref);
    if (ok === undefined) {
      ok = resolves(this.doc, ref);
      this.resolved.set(ref, ok);
    }
    return ok;
  }
}

function resolves(doc: Record<string, unknown>, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  try {
    return resolvePointer(doc, ref) !== undefined;
  } catch {
    return false;
  }
}

function isSchemaRef(doc: Record<string, unknown>, target: unknown): boolean {
  if (typeof target !== 'string') return false;
  const name = SCHEMA_REF.exec(target)?.[1];
  // A `~` or `%` escape: the bundle names the schema by its decoded pointer; not worth following.
  if (name === undefined || name.includes('~') || name.includes('%')) return false;
  const components = doc.components;
  return isObject(components) && isObject(components.schemas) && Object.prototype.hasOwnProperty.call(components.schemas, name);
}

function duplicateOperationId(doc: Record<string, unknown>): string | undefined {
  const seen = new Map<string, string>();
  for (const group of ['paths', 'webhooks'] as const) {
    const items = doc[group];
    if (!isObject(items)) continue;
    for (const [key, item] of Object.entries(items)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op) || typeof op.operationId !== 'string') continue;
        const at = childPointer('', group, key, method);
        const first = seen.get(op.operationId);
        if (first !== undefined) return `operationId ${JSON.stringify(op.operationId)} at ${at} is already used at ${first}`;
        seen.set(op.operationId, at);
      }
    }
  }
  return undefined;
}
