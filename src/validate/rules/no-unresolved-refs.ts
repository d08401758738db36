import { resolveRef } from '../refs/resolve.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** Every local `$ref` must resolve: the file exists and parses, and the pointer exists in it. */
export const noUnresolvedRefs: Rule = {
  id: 'no-unresolved-refs',
  severity: 'error',
  description: 'Every `$ref` resolves: the file exists and parses, and the pointer exists in it.',
  create: ({ set, report }) => ({
    Ref(ref, _node, ctx) {
      const r = resolveRef(set, ctx.file, ref);
      if (!r || r.ok) return; // remote and outside-root refs: other rules
      report({ file: ctx.file, pointer: at(ctx, '$ref'), message: `\`$ref\` "${ref}" cannot be resolved: ${r.reason}` });
    },
  }),
};
