import { resolveRef } from '../refs/resolve.js';
import { propertyFacts } from './discriminator.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * A discriminator works only if its property exists and every mapping target does
 * (OpenAPI 3.x §Discriminator Object, https://spec.openapis.org/oas/v3.1.1.html#discriminator-object;
 * Swagger 2.0 §Schema Object `discriminator`, https://spec.openapis.org/oas/v2.0.html#composition-and-inheritance-polymorphism):
 * - 3.x: each `mapping` value is a schema name in `components.schemas` or a reference that
 *   resolves (error);
 * - 2.0: "The property name used MUST be defined at this schema and it MUST be in the required
 *   property list" (error; `allOf` parts count as this schema);
 * - 3.0, 3.1: the `propertyName` property is declared and required by the schema (with its
 *   `allOf` parts, or by every `oneOf`/`anyOf` branch). 3.0.0-3.0.3 and 3.1.0 said it MUST be
 *   required; 3.0.4 and 3.1.1 weakened that to SHOULD, "as the behavior when the property is
 *   absent is undefined", and tools follow the latest patch: a warning;
 * - 3.2: the property is declared (warning); it may be optional, but then the Discriminator
 *   needs a `defaultMapping` (the rule `spec-discriminator-defaultMapping`).
 * A 3.x Discriminator without `propertyName` is a structural error (`struct`).
 */
export const noInvalidDiscriminator: Rule = {
  id: 'no-invalid-discriminator',
  severity: 'error',
  description: 'Discriminator mapping targets resolve, and the `propertyName` property is declared and required (2.0: a MUST; 3.0/3.1: a SHOULD, warning).',
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const schemas = isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {};
    const v2 = set.version === '2.0';
    return {
      Schema(schema, ctx) {
        const d = schema.discriminator;
        if (v2) {
          if (typeof d !== 'string') return;
          const facts = propertyFacts({ value: schema, file: ctx.file, pointer: at(ctx) }, ctx);
          const missing = !facts.declared.has(d) ? 'defined in `properties` of this schema' : !facts.required.has(d) ? 'in `required`' : undefined;
          if (missing) {
            report({
              file: ctx.file,
              pointer: at(ctx, 'discriminator'),
              message: `the discriminator property \`${d}\` is not ${missing}: Swagger 2.0 requires it to be defined at this schema and required`,
              suggestion: `Declare \`${d}\` in \`properties\` and add it to \`required\`.`,
            });
          }
          return;
        }
        if (!isRecord(d)) return;
        if (isRecord(d.mapping)) {
          for (const [value, target] of Object.entries(d.mapping)) {
            if (typeof target !== 'string') continue;
            if (/^[a-zA-Z0-9._-]+$/.test(target) && Object.hasOwn(schemas, target)) continue;
            const r = /^[a-zA-Z0-9._-]+$/.test(target) && !/\.(ya?ml|json)$/.test(target) ? undefined : resolveRef(set, ctx.file, target);
            if (r?.ok) continue;
            report({
              file: ctx.file,
              pointer: at(ctx, 'discriminator', 'mapping', value),
              message: `discriminator mapping \`${value}\` -> \`${target}\` does not resolve: ${r && !r.ok ? r.reason : `there is no schema \`${target}\` in components.schemas`}`,
            });
          }
        }
        const name = d.propertyName;
        if (typeof name !== 'string') return;
        const facts = propertyFacts({ value: schema, file: ctx.file, pointer: at(ctx) }, ctx);
        if (!facts.declared.has(name)) {
          report({
            file: ctx.file,
            pointer: at(ctx, 'discriminator', 'propertyName'),
            severity: 'warn',
            message: `the discriminator property \`${name}\` is not declared in \`properties\` of this schema (or of its allOf parts or every oneOf/anyOf branch)`,
          });
        } else if (!facts.required.has(name) && set.version !== '3.2') {
          report({
            file: ctx.file,
            pointer: at(ctx, 'discriminator', 'propertyName'),
            severity: 'warn',
            message: `the discriminator property \`${name}\` is not \`required\`: when a payload omits it, the schema to use is undefined`,
            suggestion: `Add \`${name}\` to \`required\`.`,
          });
        }
      },
    };
  },
};
