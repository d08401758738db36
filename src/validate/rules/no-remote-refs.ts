import { parseRef } from '../refs/ref-target.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** `$ref` to a URL: api-hub never fetches, so the description would not be self-contained. */
export const noRemoteRefs: Rule = {
  id: 'no-remote-refs',
  severity: 'error',
  description: 'A `$ref` to a URL (not fetched; allowed with --allow-remote-refs).',
  create: ({ set, report }) => ({
    Ref(ref, _node, ctx) {
      if (set.allowRemoteRefs) return;
      const t = parseRef(ref, ctx.file.path, set.refRoot);
      if (t.kind !== 'remote') return;
      report({
        file: ctx.file,
        pointer: at(ctx, '$ref'),
        message: `\`$ref\` to a ${t.scheme === 'http' || t.scheme === 'https' ? 'URL' : `\`${t.scheme}:\` URI`} (${ref}) is not allowed: api-hub does not fetch remote references`,
        suggestion: 'Vendor the referenced file into the project and use a relative path, or pass --allow-remote-refs.',
      });
    },
  }),
};
