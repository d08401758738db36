import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';
import type { WalkContext } from '../walk.js';

/**
 * The scopes a Security Requirement lists for an OAuth2 scheme are scopes that scheme
 * defines (2.0 `scopes`; 3.x the `scopes` of its flows). OpenAPI 3.x §Security
 * Requirement Object: for oauth2 the array is "a list of scope names required for the
 * execution" (names of the scheme's scopes). Redocly's rule of the same name. Schemes
 * of other types list roles, not checked; an unknown scheme is `security-defined`'s.
 */
export const securityScopesDefined: Rule = {
  id: 'security-scopes-defined',
  severity: 'warn',
  description: 'OAuth2 scopes in security requirements are defined by the scheme.',
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const schemes = set.version === '2.0' ? root.securityDefinitions : isRecord(root.components) ? root.components.securitySchemes : undefined;
    let scopes: Map<string, Set<string>> | undefined;
    const scopesOf = (name: string, ctx: WalkContext): Set<string> | undefined => {
      if (!scopes) {
        scopes = new Map();
        if (isRecord(schemes)) {
          for (const [n, raw] of Object.entries(schemes)) {
            const s = isRecord(raw) && typeof raw.$ref === 'string' ? ctx.resolve(raw, '', set.root)?.value : raw;
            if (!isRecord(s) || s.type !== 'oauth2') continue;
            const names = new Set<string>();
            const add = (o: unknown): void => {
              if (isRecord(o) && isRecord(o.scopes)) for (const k of Object.keys(o.scopes)) names.add(k);
            };
            add(s);
            if (isRecord(s.flows)) for (const f of Object.values(s.flows)) add(f);
            scopes.set(n, names);
          }
        }
      }
      return scopes.get(name);
    };
    return {
      SecurityRequirement(req, ctx) {
        for (const name of Object.keys(req)) {
          const list = req[name];
          const defined = scopesOf(name, ctx);
          if (!defined || !Array.isArray(list)) continue;
          list.forEach((scope, i) => {
            if (typeof scope !== 'string' || defined.has(scope)) return;
            report({ file: ctx.file, pointer: at(ctx, name, i), message: `scope \`${scope}\` is not defined by the OAuth2 security scheme \`${name}\`` });
          });
        }
      },
    };
  },
};
