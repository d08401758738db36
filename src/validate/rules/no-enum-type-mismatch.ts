import type { Rule } from './rule.js';
import { at, jsonType, matchesType } from './util.js';

/**
 * An `enum` value that is not of the schema's `type` can never validate.
 * JSON Schema allows writing it, so this is a warning (Redocly: an error).
 */
export const noEnumTypeMismatch: Rule = {
  id: 'no-enum-type-mismatch',
  severity: 'warn',
  description: "`enum` values are of the schema's `type`.",
  create: ({ report }) => ({
    Schema(schema, ctx) {
      const { enum: values, type } = schema;
      if (!Array.isArray(values) || type === undefined) return;
      const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
      if (types.length === 0) return;
      const nullable = schema.nullable === true;
      values.forEach((value, i) => {
        if (types.some((t) => matchesType(value, t, nullable))) return;
        report({
          file: ctx.file,
          pointer: at(ctx, 'enum', i),
          message: `enum value ${JSON.stringify(value)} is ${jsonType(value) === 'integer' ? 'an integer' : `a${/^[aeiou]/.test(jsonType(value)) ? 'n' : ''} ${jsonType(value)}`}, not of type ${types.join(' or ')}: it can never be valid`,
        });
      });
    },
  }),
};
