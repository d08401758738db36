import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { localTarget } from '../component-ref.js';

/**
 * A `discriminator: {propertyName}` without a `mapping` means, by the
 * specification, that the discriminator values are the schema names
 * (`ChatCompletionRequestSystemMessage`), and generators follow that rule:
 * openapi-typescript types `role` as the schema names, so `{role: 'system'}`
 * does not compile. OpenAI's document does this for message roles, content
 * parts, `response_format` and tool calls, while every alternative pins the
 * property to one value (`enum: [system]` or `const: system`).
 *
 * Where every alternative of the oneOf/anyOf is a `$ref` to a component schema
 * that pins the property to one value (directly or in an `allOf` member), and
 * no two alternatives pin the same value, write that `mapping` explicitly.
 * Anything less (an inline alternative, an open property, a value used twice)
 * is left alone and reported, so the generated types stay as the document says.
 */
export const discriminatorMapping: Pass = {
  name: 'discriminator-mapping',
  description: 'Write the discriminator mapping where every oneOf/anyOf alternative pins the property to one value.',
  schemas: (src, ctx) => {
    const comps = isObject(src.doc.components) ? src.doc.components : undefined;
    const schemas = comps && isObject(comps.schemas) ? comps.schemas : {};
    return {
      schema(schema, ptr) {
        const d = schema.discriminator;
        if (!isObject(d) || typeof d.propertyName !== 'string' || d.mapping !== undefined) return;
        const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
        if (!key) return;
        const result = pinnedMapping(schema[key] as unknown[], d.propertyName, schemas);
        const at = childPointer(ptr, 'discriminator');
        if (typeof result === 'string') {
          ctx.report({
            ruleId: 'discriminator-mapping',
            severity: 'info',
            message: `discriminator ${d.propertyName} left without a mapping: ${result}`,
            pointer: at,
          });
          return;
        }
        d.mapping = result;
        ctx.report({
          ruleId: 'discriminator-mapping',
          severity: 'info',
          message: `wrote the mapping of discriminator ${d.propertyName}: ${Object.keys(result).join(', ')}`,
          pointer: at,
        });
      },
    };
  },
};

/** The mapping value -> `$ref` of each alternative, or why there is none. */
function pinnedMapping(alternatives: readonly unknown[], property: string, schemas: Obj): Record<string, string> | string {
  const mapping: Record<string, string> = {};
  for (const alt of alternatives) {
    const ref = isObject(alt) && typeof alt.$ref === 'string' ? alt.$ref : undefined;
    const target = ref ? localTarget(ref) : undefined;
    if (!ref || !target || target.section !== 'schemas' || target.rest !== '') return 'an alternative is not a $ref to a component schema';
    const value = pinnedValue(schemas[target.name], property, schemas, 0);
    if (value === undefined) return `${target.name} does not pin ${property} to one string value`;
    if (mapping[value] !== undefined) return `${property} ${value} is pinned by more than one alternative`;
    mapping[value] = ref;
  }
  return mapping;
}

/** The one string value a schema gives `property` (`const` or a one-value `enum`), looking into `allOf` and component refs. */
function pinnedValue(schema: unknown, property: string, schemas: Obj, depth: number): string | undefined {
  if (!isObject(schema) || depth > 8) return undefined;
  if (typeof schema.$ref === 'string') {
    const t = localTarget(schema.$ref);
    return t && t.section === 'schemas' && t.rest === '' ? pinnedValue(schemas[t.name], property, schemas, depth + 1) : undefined;
  }
  const props = isObject(schema.properties) ? schema.properties : undefined;
  const own = props ? single(props[property], schemas, depth + 1) : undefined;
  if (own !== undefined) return own;
  if (!Array.isArray(schema.allOf)) return undefined;
  for (const part of schema.allOf) {
    const v = pinnedValue(part, property, schemas, depth + 1);
    if (v !== undefined) return v;
  }
  return undefined;
}

function single(prop: unknown, schemas: Obj, depth: number): string | undefined {
  if (!isObject(prop) || depth > 8) return undefined;
  if (typeof prop.$ref === 'string') {
    const t = localTarget(prop.$ref);
    return t && t.section === 'schemas' && t.rest === '' ? single(schemas[t.name], schemas, depth + 1) : undefined;
  }
  if (typeof prop.const === 'string') return prop.const;
  if (Array.isArray(prop.enum) && prop.enum.length === 1 && typeof prop.enum[0] === 'string') return prop.enum[0];
  return undefined;
}
