import type { Pass } from '../types.js';

/**
 * Schemas marked `x-hub-known-values: <catalog>` (the curated Comet document's
 * `ModelId`) get the catalog's ids as an open set: the known ids are listed,
 * and any other string is still accepted.
 */
export function knownModelIds(catalog: string, ids: readonly string[]): Pass {
  return {
    name: 'known-model-ids',
    description: `Fill schemas marked x-hub-known-values: ${catalog} with the fetched model ids.`,
    schemas: (_src, ctx) => ({
      schema(schema, ptr) {
        if (schema['x-hub-known-values'] !== catalog) return;
        if (ids.length === 0) {
          ctx.report({ ruleId: 'known-model-ids', severity: 'warn', message: `no ${catalog} catalog in the snapshot; the schema accepts any string`, pointer: ptr });
          return;
        }
        delete schema.enum;
        schema.type = 'string';
        schema.anyOf = [
          { type: 'string', enum: [...ids], description: `Model ids known from the ${catalog} catalog.` },
          { type: 'string', description: 'Any other model id the provider accepts.' },
        ];
        ctx.report({ ruleId: 'known-model-ids', severity: 'info', message: `listed ${ids.length} known model ids (any string is still accepted)`, pointer: ptr });
      },
    }),
  };
}
