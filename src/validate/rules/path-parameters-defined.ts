import { childPointer } from '../../core/pointer.js';
import type { SourceFile } from '../types.js';
import type { Rule } from './rule.js';
import { at, isRecord, lazy, resolvedOperations, templateParams } from './util.js';

/**
 * Every `{name}` in a path is declared as an `in: path` parameter (on the path
 * item or on each operation), and every declared path parameter appears in the
 * path (OpenAPI: "the name field MUST correspond to a template expression").
 */
export const pathParametersDefined: Rule = {
  id: 'path-parameters-defined',
  severity: 'error',
  description: 'Path templates and `in: path` parameters match: each `{name}` is declared, each declared path parameter is used.',
  create: ({ report }) => ({
    PathItem(item, ctx) {
      if (ctx.logicalLength !== 2 || ctx.logicalAt(0) !== 'paths') return;
      const path = String(ctx.logicalAt(1));
      const template = new Set(templateParams(path));
      /** Names of the `in: path` parameters in a list (at `base` in `file`), reporting those not in the path. */
      const declared = (params: unknown, file: SourceFile, base: () => string): Set<string> => {
        const names = new Set<string>();
        if (!Array.isArray(params)) return names;
        params.forEach((p, i) => {
          const here = lazy(() => childPointer(base(), i));
          const r = ctx.resolve(p, '', file);
          if (!r || !isRecord(r.value) || r.value.in !== 'path' || typeof r.value.name !== 'string') return;
          names.add(r.value.name);
          if (template.has(r.value.name)) return;
          const inline = isRecord(p) && typeof p.$ref !== 'string';
          report({
            file,
            pointer: inline ? childPointer(here(), 'name') : here(),
            message: `path parameter \`${r.value.name}\` is not in the path \`${path}\``,
            suggestion: template.size > 0 ? `The path declares ${[...template].map((t) => `\`{${t}}\``).join(', ')}.` : 'Add it to the path, or change `in`.',
          });
        });
        return names;
      };
      const atPath = declared(
        item.parameters,
        ctx.file,
        lazy(() => at(ctx, 'parameters')),
      );
      for (const op of resolvedOperations(item, ctx)) {
        const atOp = declared(op.value.parameters, op.file, op.parameters);
        for (const name of template) {
          if (atPath.has(name) || atOp.has(name)) continue;
          report({
            file: op.file,
            pointer: op.parameters(),
            message: `the operation does not declare the path parameter \`{${name}}\` of \`${path}\``,
            suggestion: `Add \`{name: ${name}, in: path, required: true, schema: {type: string}}\` to the operation's or the path's parameters.`,
          });
        }
      }
    },
  }),
};
