import type { Pass } from '../types.js';

/**
 * A configured provider's `server:` replaces the servers its document
 * declares (a gateway, a regional host, or a 2.0 document's host/basePath that
 * is wrong). With `sourceId`, only that source of the provider. Runs before provider-operations, which moves servers onto paths.
 */
export function providerServer(provider: string, url: string, sourceId?: string): Pass {
  return {
    name: 'provider-server',
    description: 'Replace the servers of a configured provider with the configured server.',
    providers: [provider],
    run(src, ctx) {
      // A configured source that adds routes to another provider (`provider: comet`) is one source of several.
      if (sourceId !== undefined && src.sourceId !== sourceId) return;
      const before = Array.isArray(src.doc.servers) ? src.doc.servers.length : 0;
      src.doc.servers = [{ url }];
      let overridden = 0;
      if (src.doc.paths !== null && typeof src.doc.paths === 'object') {
        for (const item of Object.values(src.doc.paths as Record<string, unknown>)) {
          if (item !== null && typeof item === 'object' && 'servers' in item) {
            delete (item as Record<string, unknown>).servers;
            overridden++;
          }
        }
      }
      ctx.report({
        ruleId: 'provider-server',
        severity: 'info',
        message: `servers set to ${url} (the document declared ${before}${overridden ? `, and ${overridden} path(s) their own` : ''})`,
        pointer: '/servers',
      });
    },
  };
}
