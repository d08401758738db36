import { isObject } from '../core/json.js';
import { deref } from '../project/catalog/operations.js';

type Obj = Record<string, unknown>;

/**
 * A request body that a model accepts, from its input schema: the
 * media type's own example when the document has one, else every required
 * field (and `prompt`, when there is one) filled from the field's
 * `examples`/`example`, its default, its first enum value, or a plain value
 * of its type.
 */
export function exampleBody(doc: unknown, media: unknown, schema: unknown): Obj {
  const given = mediaExample(media);
  if (given) return given;
  const v = exampleValue(doc, schema, 0, true);
  return isObject(v) ? v : {};
}

function mediaExample(media: unknown): Obj | undefined {
  if (!isObject(media)) return undefined;
  if (isObject(media.example)) return media.example;
  if (isObject(media.examples)) {
    for (const ex of Object.values(media.examples)) if (isObject(ex) && isObject(ex.value)) return ex.value;
  }
  return undefined;
}

function exampleValue(doc: unknown, schema: unknown, depth: number, requiredOnly: boolean, name = ''): unknown {
  const s = deref(doc, schema);
  if (!s || depth > 6) return null;
  const own = isObject(schema) ? schema : {};
  for (const src of [own, s]) {
    if (Array.isArray(src.examples) && src.examples.length > 0 && src.examples[0] !== null) return src.examples[0];
    if (src.example !== undefined && src.example !== null) return src.example;
  }
  if (s.default !== undefined && s.default !== null) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((e) => e !== null) ?? null;
  const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (alts) {
    for (const a of alts) {
      const r = deref(doc, a);
      if (r && r.type !== 'null') return exampleValue(doc, a, depth + 1, requiredOnly, name);
    }
    return null;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || isObject(s.properties) || Array.isArray(s.allOf)) {
    const props: Obj = {};
    const required = new Set<string>();
    const fields: Array<[string, unknown]> = [];
    const collect = (o: Obj, d: number): void => {
      if (d > 4) return;
      for (const part of Array.isArray(o.allOf) ? o.allOf : []) {
        const r = deref(doc, part);
        if (r) collect(r, d + 1);
      }
      if (isObject(o.properties)) fields.push(...Object.entries(o.properties));
      if (Array.isArray(o.required)) for (const k of o.required) if (typeof k === 'string') required.add(k);
    };
    collect(s, 0);
    for (const [k, v] of fields) {
      if (k in props) continue;
      if (requiredOnly && !required.has(k) && k !== 'prompt') continue;
      props[k] = exampleValue(doc, v, depth + 1, true, k);
    }
    return props;
  }
  if (type === 'array') {
    const item = exampleValue(doc, s.items, depth + 1, true, name);
    return item === null ? [] : [item];
  }
  if (type === 'integer' || type === 'number') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (type === 'boolean') return false;
  if (type === 'string') {
    if (s.format === 'uri' || /url$/i.test(name)) return 'https://example.com/input.png';
    if (/prompt|text/i.test(name)) return 'a banana studio at golden hour';
    return 'string';
  }
  return null;
}

export interface Snippets {
  /** TypeScript with the typed client. */
  client: string;
  /** A curl command. */
  curl: string;
}

/** `'…'` for a shell, any `'` closed, escaped and reopened. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** JSON indented by two spaces, each line after the first indented by `pad` more. */
const indentJson = (v: unknown, pad: string): string => JSON.stringify(v, null, 2).split('\n').join(`\n${pad}`);

const IMPORT = "import { createHubClient } from 'bananastudio-api-hub/client';\n\n";

/** FAL: `hub.fal.subscribe(id, input)` and the queue submit with curl. */
export function falSnippets(id: string, base: string, path: string, body: Obj): Snippets {
  const client =
    IMPORT +
    'const hub = createHubClient({ fal: { apiKey: process.env.FAL_API_KEY! } });\n\n' +
    `// Submits to the queue, polls until done, returns the typed output.\nconst out = await hub.fal.subscribe(${JSON.stringify(id)}, ${indentJson(body, '')});\nconsole.log(out);\n`;
  const url = `${base}${path}`;
  const curl =
    `curl -X POST ${shellQuote(url)} \\\n  -H "Authorization: Key $FAL_KEY" \\\n  -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(body))}\n` +
    `# The answer carries a request_id: GET ${url}/requests/<request_id>/status until COMPLETED,\n# then GET ${url}/requests/<request_id> for the output (same header).\n`;
  return { client, curl };
}

/** The typed client's helper for a Comet route, when it has one. */
const COMET_HELPERS: Record<string, string> = {
  'POST /v1/chat/completions': 'hub.comet.chat.completions',
  'POST /v1/images/generations': 'hub.comet.images.generate',
  'POST /v1/embeddings': 'hub.comet.embeddings.create',
  'POST /mj/submit/imagine': 'hub.comet.midjourney.imagine',
};

/** Comet: the client's helper for the route (or `hub.comet.POST(path, { body })`) and curl. */
export function cometSnippets(method: string, base: string, path: string, body: Obj | undefined): Snippets {
  const helper = COMET_HELPERS[`${method} ${path}`];
  const call =
    helper && body ? `${helper}(${indentJson(body, '')})` : `hub.comet.${method}(${JSON.stringify(path)}${body ? `, { body: ${indentJson(body, '')} }` : ''})`;
  const client =
    IMPORT +
    'const hub = createHubClient({ comet: { apiKey: process.env.COMET_API_KEY! } });\n\n' +
    `const { data, error } = await ${call};\nif (error) throw new Error(JSON.stringify(error));\nconsole.log(data);\n`;
  const curl =
    `curl -X ${method} ${shellQuote(base + path)} \\\n  -H "Authorization: Bearer $COMET_API_KEY"` +
    (body ? ` \\\n  -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(body))}\n` : '\n');
  return { client, curl };
}
