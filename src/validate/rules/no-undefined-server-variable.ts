import type { Rule } from './rule.js';
import { urlVariables, variablesOf } from './servers.js';
import { at } from './util.js';

/** Each `{name}` in a server URL has an entry in `variables`, and each entry is used in the URL. */
export const noUndefinedServerVariable: Rule = {
  id: 'no-undefined-server-variable',
  severity: 'error',
  description: 'Server URL variables are defined in `variables`, and defined variables are used in the URL.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Server(server, ctx) {
      if (typeof server.url !== 'string') return;
      const inUrl = urlVariables(server.url);
      const defined = variablesOf(server);
      for (const name of inUrl) {
        if (name in defined) continue;
        report({
          file: ctx.file,
          pointer: at(ctx, 'url'),
          message: `the server URL uses \`{${name}}\` but \`variables\` does not define \`${name}\``,
          suggestion: `Add \`variables: {${name}: {default: ...}}\`.`,
        });
      }
      for (const name of Object.keys(defined)) {
        if (inUrl.includes(name)) continue;
        report({ file: ctx.file, pointer: at(ctx, 'variables', name), message: `server variable \`${name}\` is not used in the server URL`, severity: 'warn' });
      }
    },
  }),
};
