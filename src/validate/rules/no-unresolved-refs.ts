import { childPointer } from '../../core/pointer.js';
import { parseRef } from '../refs/ref-target.js';
import { resolveTarget } from '../refs/resolve.js';
import { contextPointer } from '../walk.js';
import type { Rule } from './rule.js';

/** Every local `$ref` must resolve: the file exists and parses, and the pointer exists in it. */
export const noUnresolvedRefs: Rule = {
  id: 'no-unresolved-refs',
  severity: 'error',
  create: ({ set, report }) => ({
    Ref(ref, _node, ctx) {
      const t = parseRef(ref, ctx.file.path, set.refRoot);
      if (t.kind !== 'local' || t.outsideRoot) return; // other rules report those
      const r = resolveTarget(set, t);
      if (r.ok) return;
      report({ file: ctx.file, pointer: childPointer(contextPointer(ctx), '$ref'), message: `\`$ref\` "${ref}" cannot be resolved: ${r.reason}` });
    },
  }),
};
