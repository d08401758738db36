import { HTTP_METHODS } from '../oas-types.js';
import type { OasVersion } from '../types.js';

/**
 * The OpenAPI object at a location, by walking a small type table from the
 * root (`/paths/~1pets/get/responses/200` -> Response). Used to word structural
 * messages ("… is not allowed in a Parameter Object"). `*` matches any key;
 * `Map:X` / `List:X` are maps and arrays of X.
 */
type Table = Record<string, Record<string, string>>;

const methods = (t: string): Record<string, string> => Object.fromEntries(HTTP_METHODS.map((m) => [m, t]));

const COMMON: Table = {
  Info: { contact: 'Contact', license: 'License' },
  'List:Server': { '*': 'Server' },
  Server: { variables: 'Map:Server Variable' },
  Paths: { '*': 'Path Item' },
  'Path Item': { ...methods('Operation'), parameters: 'List:Parameter', servers: 'List:Server', additionalOperations: 'Map:Operation' },
  Operation: {
    parameters: 'List:Parameter',
    requestBody: 'Request Body',
    responses: 'Responses',
    callbacks: 'Map:Callback',
    externalDocs: 'External Documentation',
    security: 'List:Security Requirement',
    servers: 'List:Server',
  },
  Responses: { '*': 'Response' },
  Response: { headers: 'Map:Header', content: 'Map:Media Type', links: 'Map:Link', schema: 'Schema' },
  'Request Body': { content: 'Map:Media Type' },
  'Media Type': { schema: 'Schema', itemSchema: 'Schema', examples: 'Map:Example', encoding: 'Map:Encoding' },
  Encoding: { headers: 'Map:Header' },
  Parameter: { schema: 'Schema', content: 'Map:Media Type', examples: 'Map:Example', items: 'Items' },
  Header: { schema: 'Schema', content: 'Map:Media Type', examples: 'Map:Example', items: 'Items' },
  Items: { items: 'Items' },
  Callback: { '*': 'Path Item' },
  'List:Tag': { '*': 'Tag' },
  Tag: { externalDocs: 'External Documentation' },
  Components: {
    schemas: 'Map:Schema',
    responses: 'Map:Response',
    parameters: 'Map:Parameter',
    examples: 'Map:Example',
    requestBodies: 'Map:Request Body',
    headers: 'Map:Header',
    securitySchemes: 'Map:Security Scheme',
    links: 'Map:Link',
    callbacks: 'Map:Callback',
    pathItems: 'Map:Path Item',
    mediaTypes: 'Map:Media Type',
  },
  'Security Scheme': { flows: 'OAuth Flows' },
  'OAuth Flows': { '*': 'OAuth Flow' },
  Schema: { discriminator: 'Discriminator', xml: 'XML', externalDocs: 'External Documentation', '*': 'Schema' },
};

const ROOT3: Record<string, string> = {
  info: 'Info',
  servers: 'List:Server',
  paths: 'Paths',
  webhooks: 'Map:Path Item',
  components: 'Components',
  security: 'List:Security Requirement',
  tags: 'List:Tag',
  externalDocs: 'External Documentation',
};
const ROOT2: Record<string, string> = {
  info: 'Info',
  paths: 'Paths',
  definitions: 'Map:Schema',
  parameters: 'Map:Parameter',
  responses: 'Map:Response',
  securityDefinitions: 'Map:Security Scheme',
  security: 'List:Security Requirement',
  tags: 'List:Tag',
  externalDocs: 'External Documentation',
};

function step(type: string, key: string, version: OasVersion): string | undefined {
  // Own entries only: a key such as `constructor` is a name in the document, not Object.prototype's.
  const own = <T>(table: Record<string, T> | undefined, k: string): T | undefined => (table !== undefined && Object.hasOwn(table, k) ? table[k] : undefined);
  if (type === 'Root') return own(version === '2.0' ? ROOT2 : ROOT3, key);
  if (type.startsWith('Map:') || type.startsWith('List:')) return type.slice(type.indexOf(':') + 1);
  const t = own(COMMON, type);
  return t ? (own(t, key) ?? own(t, '*')) : undefined;
}

/** E.g. "Operation Object", "Schema Object", "the OpenAPI Object"; undefined when unknown. */
export function objectNameAt(segments: readonly string[], version: OasVersion): string | undefined {
  let type = 'Root';
  for (const seg of segments) {
    if (seg.startsWith('x-')) return undefined;
    const next = step(type, seg, version);
    if (!next) return undefined;
    type = next;
  }
  if (type === 'Root') return version === '2.0' ? 'Swagger Object' : 'OpenAPI Object';
  if (type.startsWith('Map:') || type.startsWith('List:')) return undefined;
  return `${type} Object`;
}
