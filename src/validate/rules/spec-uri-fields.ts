import type { NodeVisitor } from '../walk.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** The characters RFC 3986 allows in a URI reference (unreserved, reserved, `%`). */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
/** The common case in one test: only characters a URI holds as they are, no `%` escape. */
const PLAIN = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;

/**
 * Why `s` is not a URI reference (RFC 3986 §4.1), or undefined when it is one. `iri`: an IRI
 * (RFC 3987), where characters beyond ASCII are allowed; `absolute`: it must have a scheme.
 */
export function uriProblem(s: string, iri = false, absolute = false): string | undefined {
  for (let i = PLAIN.test(s) ? s.length : 0; i < s.length; i++) {
    const c = s[i]!;
    if (URI_CHAR.test(c)) {
      if (c === '%' && !/^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) return 'has a `%` not followed by two hex digits';
      continue;
    }
    if (iri && c.charCodeAt(0) > 0x9f) continue;
    if (c === ' ') return 'contains a space (`%20` in a URI)';
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'contains a control character';
    if (code > 0x7e) return `contains \`${c}\`, which a URI must percent-encode (or use an IRI field)`;
    return `contains \`${c}\`, which a URI must percent-encode`;
  }
  const hash = s.indexOf('#');
  if (hash !== -1 && s.indexOf('#', hash + 1) !== -1) return 'has more than one `#`';
  const end = s.search(/[/?#]/);
  const head = end === -1 ? s : s.slice(0, end);
  const colon = head.indexOf(':');
  if (colon !== -1 && !SCHEME.test(head.slice(0, colon)))
    return `starts with \`${head.slice(0, colon + 1)}\`, which is not a scheme (a relative reference cannot have \`:\` in its first segment)`;
  if (absolute && colon === -1) return 'is relative: it must be absolute (with a scheme)';
  // `[` and `]` only around an IP literal host (`//[::1]:80`).
  const rest = s.slice(0, hash === -1 ? s.length : hash);
  const authority = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)/.exec(rest);
  const outside = authority ? rest.slice(authority[0].length) : rest;
  if (/[[\]]/.test(outside) || (authority && /[[\]]/.test(authority[1]!) && !/^([^@]*@)?\[[^\]]*\](:\d*)?$/.test(authority[1]!)))
    return 'has `[` or `]` outside an IP-literal host';
  return undefined;
}

/**
 * OpenAPI 3.2: the fields that hold a URI hold one (https://spec.openapis.org/oas/v3.2.0.html):
 * "This MUST be in the form of a URI" (§Info `termsOfService`, §Contact `url`, §License `url`,
 * §External Documentation `url`, §OpenAPI `jsonSchemaDialect`, §Security Scheme
 * `openIdConnectUrl` and `oauth2MetadataUrl`, §OAuth Flow `authorizationUrl`, `tokenUrl`,
 * `refreshUrl`, `deviceAuthorizationUrl`, §Example `externalValue`, §Reference `$ref`), "a URI
 * reference as defined by RFC3986 Section 4.1" (§OpenAPI `$self`; §Link `operationRef`);
 * relative references are allowed (§Relative References in API Description URIs). §XML
 * `namespace` "MUST be in the form of a non-relative IRI". §Server `url` is a URL template:
 * with its `{variables}` filled it is a URI reference, and "Query and fragment MUST NOT be part
 * of this URL". The official schema puts `format: uri-reference` on these, which its validator
 * checks only for control characters; this rule checks RFC 3986's syntax: characters a URI
 * cannot hold unescaped (spaces, `{`, `"`, `\`, non-ASCII), a broken `%` escape, a second `#`,
 * a `:` before the first `/` of a relative reference. `$self` holding a fragment is `struct`'s.
 */
export const specUriFields: Rule = {
  id: 'spec-uri-fields',
  severity: 'error',
  description:
    '3.2: fields that hold a URI (`$self`, `$ref`, `url`s, OAuth URLs, `externalValue`, `operationRef`, XML `namespace`, server URLs) are valid RFC 3986 URI references.',
  versions: ['3.2'],
  create: ({ report }) => {
    const fields =
      (...keys: string[]): NodeVisitor =>
      (node, ctx) => {
        for (const key of keys) {
          const v = node[key];
          if (typeof v !== 'string') continue;
          const problem = uriProblem(v);
          if (problem) report({ file: ctx.file, pointer: at(ctx, key), message: `\`${key}\` must be a URI reference, but \`${clip(v)}\` ${problem}` });
        }
      };
    return {
      Root: fields('$self', 'jsonSchemaDialect'),
      Info: fields('termsOfService'),
      Contact: fields('url'),
      License: fields('url'),
      ExternalDocs: fields('url'),
      SecurityScheme: fields('openIdConnectUrl', 'oauth2MetadataUrl'),
      OAuthFlow: fields('authorizationUrl', 'tokenUrl', 'refreshUrl', 'deviceAuthorizationUrl'),
      Link: fields('operationRef'),
      Example: fields('externalValue'),
      XML(xml, ctx) {
        if (typeof xml.namespace !== 'string') return;
        const problem = uriProblem(xml.namespace, true, true);
        if (problem)
          report({
            file: ctx.file,
            pointer: at(ctx, 'namespace'),
            message: `\`namespace\` must be an absolute IRI, but \`${clip(xml.namespace)}\` ${problem}`,
          });
      },
      Server(server, ctx) {
        if (typeof server.url !== 'string') return;
        // Variables are substituted before the URL is used: check the template with each filled in.
        const filled = server.url.replace(/\{[^{}]*\}/g, 'x');
        const problem =
          uriProblem(filled) ??
          (/[?#]/.test(filled) ? `has a ${filled.includes('?') ? 'query' : 'fragment'}, which OpenAPI 3.2 does not allow in a server URL` : undefined);
        if (problem)
          report({
            file: ctx.file,
            pointer: at(ctx, 'url'),
            message: `server \`url\` must be a URL (its variables filled in), but \`${clip(server.url)}\` ${problem}`,
          });
      },
      Ref(ref, _node, ctx) {
        const problem = uriProblem(ref);
        if (problem) report({ file: ctx.file, pointer: at(ctx, '$ref'), message: `\`$ref\` must be a URI reference, but \`${clip(ref)}\` ${problem}` });
      },
    };
  },
};

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
