import { resolveRef } from '../refs/resolve.js';
import { isNameMapPosition, isOperationPosition } from '../refs/positions.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * A `$ref` where OpenAPI allows no Reference Object: in place of an Operation
 * Object, standing for a string (DigitalOcean's `tags[].description`), or for a
 * whole `properties` map.
 *
 * Decision: api-hub resolves such refs and validates the target in place (as
 * Redocly does), so a correct target is not an error; but other tools reject or
 * crash on them, so each one is a warning that says so.
 */
export const refNotAllowed: Rule = {
  id: 'ref-not-allowed',
  severity: 'warn',
  description: 'A `$ref` where OpenAPI allows no Reference Object (resolved and validated in place, but other tools may reject it).',
  create: ({ set, report }) => ({
    Ref(ref, _node, ctx) {
      const r = resolveRef(set, ctx.file, ref);
      if (!r) return; // remote or outside the root
      if (ctx.file === set.root && isOperationPosition(ctx.segments)) {
        report({
          file: ctx.file,
          pointer: at(ctx, '$ref'),
          message: `OpenAPI ${set.version} does not allow a \`$ref\` in place of an Operation Object; api-hub resolves it and validates the target as an operation (as Redocly does), but other tools may reject it`,
          suggestion: 'Inline the operation, or $ref the whole Path Item instead.',
        });
        return;
      }
      if (isNameMapPosition(ctx.segments)) {
        const map = String(ctx.segments[ctx.segments.length - 1]);
        report({
          file: ctx.file,
          pointer: at(ctx, '$ref'),
          message: `a \`$ref\` cannot stand for a whole \`${map}\` map (JSON Schema reads it as a property named "$ref"); api-hub resolves it and uses the target map (as Redocly does), but other tools may reject it`,
          suggestion: `Inline the properties, or move the shared ones into a schema and combine with allOf.`,
        });
        return;
      }
      if (!r.ok || r.value === null || typeof r.value === 'object' || typeof r.value === 'boolean') return;
      const name = ctx.segments[ctx.segments.length - 1];
      report({
        file: ctx.file,
        pointer: at(ctx, '$ref'),
        message: `a \`$ref\` cannot stand for a ${typeof r.value}${typeof name === 'string' ? ` (\`${name}\`)` : ''} in OpenAPI; api-hub resolves it and uses the target value (as Redocly does), but other tools may reject it`,
        suggestion: 'Inline the value.',
      });
    },
  }),
};
