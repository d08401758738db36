import type { CometShortcut } from './comet-shortcuts.js';
import { stringLiteral } from './ts-text.js';

/** Default base URLs (docs/provider-apis.md §1.1 and §2.1). */
export const FAL_BASE_URL = 'https://queue.fal.run';
export const COMET_BASE_URL = 'https://api.cometapi.com';

/**
 * `generated/client.js`: plain ES module, no build step for consumers. The
 * runtime is openapi-fetch plus a few thin helpers and holds no per-endpoint
 * data, so its size does not grow with the number of models: the typed map
 * lives only in client.d.ts.
 */
export function emitClientJs(header: string, shortcuts: readonly CometShortcut[]): string {
  return `${header}import createClient from 'openapi-fetch';

export const FAL_BASE_URL = ${stringLiteral(FAL_BASE_URL)};
export const COMET_BASE_URL = ${stringLiteral(COMET_BASE_URL)};

export function createHubClient(options) {
  return {
    comet: createCometClient({ fetch: options.fetch, ...options.comet }),
    fal: createFalClient({ fetch: options.fetch, ...options.fal }),
  };
}

function providerClient(options, baseUrl, authorization) {
  return createClient({
    baseUrl: options.baseUrl ?? baseUrl,
    headers: { Authorization: authorization, ...options.headers },
    fetch: options.fetch,
  });
}

export function createCometClient(options) {
  const client = providerClient(options, COMET_BASE_URL, \`Bearer \${options.apiKey}\`);
${emitShortcuts(shortcuts)}}

// Namespaces whose endpoint ids keep a third segment in queue URLs (as fal-js does).
const FAL_NAMESPACES = ['workflows', 'comfy'];

// Where status, result and cancel live. The URLs returned at submit are the
// reliable source (docs/provider-apis.md §1.5): their path is used, under the
// configured base URL, so the key only ever goes to that base URL. With a bare
// request id, the path follows FAL's docs and fal-js: the endpoint id without
// its subpath (fal-ai/flux/dev -> fal-ai/flux).
function queuePath(endpointId, request, urlKey, suffix) {
  if (typeof request === 'object' && request !== null) {
    const url = request[urlKey];
    if (typeof url === 'string' && url !== '') return new URL(url, FAL_BASE_URL).pathname;
    request = request.request_id;
  }
  const parts = endpointId.split('/');
  const app = parts.slice(0, FAL_NAMESPACES.includes(parts[0]) ? 3 : 2).join('/');
  return \`/\${app}/requests/\${encodeURIComponent(String(request))}\${suffix}\`;
}

// openapi-fetch gives a non-2xx body as parsed JSON, or as text when it is not JSON.
// FAL errors are \`{ detail }\` objects; anything else is wrapped the same way, so
// \`error\` is always an object and \`if (error)\` narrows.
async function settle(pending) {
  const { data, error, response } = await pending;
  if (response.ok) return { data, response };
  const body = error !== null && typeof error === 'object' && !Array.isArray(error) ? error : { detail: error || response.statusText };
  return { error: body, response };
}

export function createFalClient(options) {
  const client = providerClient(options, FAL_BASE_URL, \`Key \${options.apiKey}\`);
  return {
    client,
    submit: (endpointId, input, init) => settle(client.POST(\`/\${endpointId}\`, { ...init, body: input })),
    status: (endpointId, request, init) => {
      const { logs, ...rest } = init ?? {};
      const query = logs ? { logs: 1 } : undefined;
      return settle(client.GET(queuePath(endpointId, request, 'status_url', '/status'), { ...rest, params: { query } }));
    },
    result: (endpointId, request, init) => settle(client.GET(queuePath(endpointId, request, 'response_url', ''), init)),
    cancel: (endpointId, request, init) => settle(client.PUT(queuePath(endpointId, request, 'cancel_url', '/cancel'), init)),
  };
}
`;
}

function emitShortcuts(shortcuts: readonly CometShortcut[]): string {
  if (shortcuts.length === 0) return '  return client;\n';
  const groups = groupShortcuts(shortcuts);
  let out = '  return Object.assign(client, {\n';
  for (const [group, members] of groups) {
    out += `    ${group}: {\n`;
    for (const s of members) {
      out += `      ${s.name}: (body, init) => client.${s.method.toUpperCase()}(${stringLiteral(s.path)}, { ...init, body }),\n`;
    }
    out += '    },\n';
  }
  return out + '  });\n';
}

export function groupShortcuts(shortcuts: readonly CometShortcut[]): Array<[string, CometShortcut[]]> {
  const groups = new Map<string, CometShortcut[]>();
  for (const s of shortcuts) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups];
}
