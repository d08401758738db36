import { parseRef } from '../refs/ref-target.js';
import { displayPath } from '../load.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** A relative `$ref` that climbs out of the project root is neither portable nor safe to follow. */
export const refOutsideRoot: Rule = {
  id: 'ref-outside-root',
  severity: 'error',
  description: 'A `$ref` that leaves the project root (not followed).',
  create: ({ set, report }) => ({
    Ref(ref, _node, ctx) {
      const t = parseRef(ref, ctx.file.path, set.refRoot);
      if (t.kind !== 'local' || !t.outsideRoot) return;
      report({
        file: ctx.file,
        pointer: at(ctx, '$ref'),
        message: `\`$ref\` "${ref}" points outside the project root (to ${displayPath(t.path, set.refRoot)}); it is not followed`,
        suggestion: `Keep referenced files inside ${set.refRoot}.`,
      });
    },
  }),
};
