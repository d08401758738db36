import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * Every name in a Security Requirement is a defined security scheme (OpenAPI:
 * "Each name MUST correspond to a security scheme which is declared"; 3.2 also
 * allows the URI of a scheme in another document, which is not checked). Whether
 * every operation has security at all is a policy, not a rule of the
 * specification: `operation-security-defined` (off by default).
 */
export const securityDefined: Rule = {
  id: 'security-defined',
  severity: 'error',
  description: 'Security requirements name defined security schemes.',
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const schemes = set.version === '2.0' ? root.securityDefinitions : isRecord(root.components) ? root.components.securitySchemes : undefined;
    const defined = new Set(isRecord(schemes) ? Object.keys(schemes) : []);
    return {
      SecurityRequirement(req, ctx) {
        for (const name of Object.keys(req)) {
          if (defined.has(name)) continue;
          // OpenAPI 3.2: a name may also be a URI of a Security Scheme Object in another document.
          if (set.version === '3.2' && /[#/:]/.test(name)) continue;
          report({
            file: ctx.file,
            pointer: at(ctx, name),
            message: `there is no security scheme named \`${name}\` in ${set.version === '2.0' ? '`securityDefinitions`' : '`components.securitySchemes`'}`,
            suggestion: defined.size > 0 ? `Defined: ${[...defined].map((d) => `\`${d}\``).join(', ')}.` : 'Define the scheme, or remove the requirement.',
          });
        }
      },
    };
  },
};
