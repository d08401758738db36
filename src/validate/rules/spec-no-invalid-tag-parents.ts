import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * OpenAPI 3.2 §4.8.22 Tag Object `parent`: "The name of a tag that this tag is nested
 * under. The named tag MUST exist in the API description, and circular references
 * between parent and child tags MUST NOT be used." Redocly's rule of the same name.
 */
export const specNoInvalidTagParents: Rule = {
  id: 'spec-no-invalid-tag-parents',
  severity: 'error',
  description: "3.2: a tag's `parent` names a declared tag, and parents form no cycle.",
  versions: ['3.2'],
  create: ({ report }) => ({
    Root(root, ctx) {
      if (!Array.isArray(root.tags)) return;
      const parentOf = new Map<string, unknown>();
      for (const t of root.tags) if (isRecord(t) && typeof t.name === 'string' && !parentOf.has(t.name)) parentOf.set(t.name, t.parent);
      root.tags.forEach((t, i) => {
        if (!isRecord(t) || typeof t.name !== 'string' || typeof t.parent !== 'string') return;
        if (!parentOf.has(t.parent)) {
          report({
            file: ctx.file,
            pointer: at(ctx, 'tags', i, 'parent'),
            message: `the parent tag \`${t.parent}\` of tag \`${t.name}\` is not declared in \`tags\``,
          });
          return;
        }
        const chain = [t.name];
        for (let p: unknown = t.parent; typeof p === 'string' && parentOf.has(p); p = parentOf.get(p)) {
          if (p === t.name) {
            report({
              file: ctx.file,
              pointer: at(ctx, 'tags', i, 'parent'),
              message: `the tag parents form a cycle: ${[...chain, p].map((n) => `\`${n}\``).join(' -> ')}`,
            });
            return;
          }
          if (chain.includes(p)) return; // a cycle that does not pass through this tag: reported at its own tags
          chain.push(p);
        }
      });
    },
  }),
};
