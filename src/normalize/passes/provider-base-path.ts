import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { HTTP_METHODS } from '../schema-walk.js';

/**
 * A configured provider's `basePath:` is prepended to every path: the part of
 * its base URL that `server:` leaves out. OpenAI's document says server
 * `https://api.openai.com/v1` and path `/chat/completions`; imported for Comet
 * with server `https://api.cometapi.com` and base path `/v1`, the route is
 * `/v1/chat/completions`, as Comet documents it. Unlike a prefix policy, the
 * new path is the URL. `x-hub-source.path` keeps the document's own path.
 * Runs after provider-operations (which writes `x-hub-source`).
 */
export function providerBasePath(provider: string, sourceId: string, basePath: string): Pass {
  return {
    name: 'provider-base-path',
    description: 'Prepend the configured basePath to every path of a configured provider.',
    providers: [provider],
    run(src, ctx) {
      if (src.sourceId !== sourceId || !isObject(src.doc.paths)) return;
      const out: Obj = {};
      for (const [path, item] of Object.entries(src.doc.paths)) {
        out[basePath + path] = item;
        if (!isObject(item)) continue;
        for (const m of HTTP_METHODS) {
          const op = item[m];
          if (isObject(op) && isObject(op['x-hub-source'])) op['x-hub-source'] = { ...op['x-hub-source'], path };
        }
      }
      src.doc.paths = out;
      ctx.report({
        ruleId: 'provider-base-path',
        severity: 'info',
        message: `${Object.keys(out).length} path(s) prefixed with the base path ${basePath}`,
        pointer: '/paths',
      });
    },
  };
}
