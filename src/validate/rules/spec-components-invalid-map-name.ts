import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

const NAME = /^[a-zA-Z0-9._-]+$/;

/** Component names match `^[a-zA-Z0-9.\-_]+$` (OpenAPI 3.x: "All the fixed fields declared above are objects that MUST use keys that match the regular expression"). */
export const specComponentsInvalidMapName: Rule = {
  id: 'spec-components-invalid-map-name',
  severity: 'error',
  description: 'Component names match ^[a-zA-Z0-9.\\-_]+$.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Components(components, ctx) {
      for (const [kind, map] of Object.entries(components)) {
        if (kind.startsWith('x-') || !isRecord(map)) continue;
        for (const name of Object.keys(map)) {
          if (NAME.test(name)) continue;
          report({
            file: ctx.file,
            pointer: at(ctx, kind, name),
            message: `the component name \`${name}\` in \`${kind}\` may only use letters, digits, \`.\`, \`-\` and \`_\``,
            suggestion: `For example \`${name.replace(/[^a-zA-Z0-9._-]+/g, '_')}\`; update the \`$ref\`s to it.`,
            replacesStruct: true,
          });
        }
      }
    },
  }),
};
