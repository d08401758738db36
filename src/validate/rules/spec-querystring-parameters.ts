import type { Rule } from './rule.js';
import { at, lazy, operationsOf, type ResolvedParam, resolvedOperations, resolvedParams } from './util.js';

type Param = ResolvedParam;

/**
 * OpenAPI 3.2: one `querystring` parameter at most, and never together with `query`
 * parameters, in the parameters an operation has (its own and its path item's). The
 * official schema checks each list as written; this rule checks what it cannot see:
 * parameters behind `$ref`s, and a path item's list merged with an operation's.
 */
export const specQuerystringParameters: Rule = {
  id: 'spec-querystring-parameters',
  severity: 'error',
  description: '3.2: at most one `in: querystring` parameter per operation, and none with `in: query` (path item parameters included).',
  versions: ['3.2'],
  create: ({ report }) => {
    const reported = new Set<string>();
    const check = (params: readonly Param[], where: string): void => {
      let querystring: Param | undefined;
      let query: Param | undefined;
      for (const p of params) {
        const clash = p.in === 'querystring' ? (querystring ?? query) : p.in === 'query' ? querystring : undefined;
        if (clash) {
          const pointer = p.pointer();
          const key = `${p.file.path}#${pointer}`;
          if (reported.has(key)) return;
          reported.add(key);
          const message =
            clash.in === 'querystring' && p.in === 'querystring'
              ? `a second \`querystring\` parameter in the same ${where} (the first is \`${String(clash.name)}\`): OpenAPI 3.2 allows only one`
              : `a \`${String(p.in)}\` parameter in the same ${where} as the \`${String(clash.in)}\` parameter \`${String(clash.name)}\`: OpenAPI 3.2 forbids \`query\` parameters alongside a \`querystring\` parameter`;
          report({
            file: p.file,
            pointer,
            message,
            suggestion: 'Describe the whole query string with the one `querystring` parameter, or use `query` parameters only.',
          });
          return;
        }
        if (p.in === 'querystring') querystring ??= p;
        if (p.in === 'query') query ??= p;
      }
    };
    return {
      PathItem(item, ctx) {
        const shared = resolvedParams(
          item.parameters,
          ctx.file,
          lazy(() => at(ctx, 'parameters')),
          ctx,
        );
        // A list the schema rejects as written is its to report.
        if (schemaSees(shared)) return;
        // Nothing to report without a querystring parameter: most path items stop here.
        const sharedQs = shared.some(isQuerystring);
        if (operationsOf(item).length === 0 && sharedQs) check(shared, 'path item');
        for (const op of resolvedOperations(item, ctx)) {
          const own = resolvedParams(op.value.parameters, op.file, op.parameters, ctx);
          if (!sharedQs && !own.some(isQuerystring)) continue;
          if (schemaSees(own)) continue;
          // An operation's parameter overrides its path item's parameter of the same name and location.
          const overridden = (p: Param): boolean => own.some((o) => o.name === p.name && o.in === p.in);
          check([...shared.filter((p) => !overridden(p)), ...own], 'operation');
        }
      },
    };
  },
};

const isQuerystring = (p: Param): boolean => p.in === 'querystring';

/** What the schema's `parameters` definition rejects in one list, counting only the parameters written in it. */
function schemaSees(list: readonly Param[]): boolean {
  const inline = list.filter((p) => p.inline);
  const qs = inline.filter((p) => p.in === 'querystring').length;
  return qs > 1 || (qs > 0 && inline.some((p) => p.in === 'query'));
}
