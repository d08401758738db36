import type { Pass } from '../types.js';
import { nullableToType } from './upgrade-to-31.js';

/**
 * `nullable` in a 3.1 document: OpenAPI 3.1 dropped the keyword (JSON Schema says `type: [x,
 * 'null']`), but providers still write it; OpenAI's own 3.1 document has it on ~110 schemas
 * (`max_completion_tokens`, `temperature`, …). Left alone it would become `x-nullable`
 * (non-standard-keywords) and the SDK would type those fields without `null`. It is read as 3.0's
 * `nullable` (upgrade-to-3.1's conversion), reported once per document with the count.
 */
export const nullableIn31: Pass = {
  name: 'nullable-in-3.1',
  description: "Read `nullable` in OpenAPI 3.1 documents as 3.0's: a `null` type.",
  schemas(src, ctx) {
    const version = typeof src.doc.openapi === 'string' ? src.doc.openapi : '';
    if (!version.startsWith('3.1')) return undefined;
    let count = 0;
    const done = new WeakSet<object>();
    return {
      schema(schema) {
        if (!('nullable' in schema) || done.has(schema)) return;
        count++;
        nullableToType(schema, done, true);
        done.add(schema);
      },
      leave() {
        if (count === 0) return;
        ctx.report({
          ruleId: 'nullable-in-3.1',
          severity: 'info',
          message: `\`nullable\` ×${count}: not an OpenAPI ${version} keyword; read as 3.0's (\`true\`: a \`null\` type)`,
          pointer: '/openapi',
        });
      },
    };
  },
};
