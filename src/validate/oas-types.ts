import type { OasVersion } from './types.js';

/**
 * The OpenAPI object types the walk knows, by version: which field of which
 * object holds what. `Map:X` and `List:X` are maps and arrays of X; `Data` is
 * literal data (examples, defaults, enums: never OpenAPI structure); a field
 * not listed is walked untyped (only `$ref`s are looked at).
 */
export type NodeType =
  | 'Root'
  | 'Info'
  | 'Contact'
  | 'License'
  | 'Server'
  | 'ServerVariable'
  | 'Paths'
  | 'PathItem'
  | 'Operation'
  | 'Parameter'
  | 'RequestBody'
  | 'Responses'
  | 'Response'
  | 'MediaType'
  | 'Example'
  | 'Encoding'
  | 'Header'
  | 'Link'
  | 'Callback'
  | 'Tag'
  | 'ExternalDocs'
  | 'Components'
  | 'SecurityScheme'
  | 'OAuthFlows'
  | 'OAuthFlow'
  | 'SecurityRequirement'
  | 'Schema'
  | 'Discriminator'
  | 'XML'
  | 'Items';

export type FieldType = NodeType | `Map:${NodeType}` | `List:${NodeType}` | 'Data' | 'SchemaOrList';

/** The Path Item fields that hold an Operation (core/http-methods.ts: `query` is OpenAPI 3.2's; the 2.0 table leaves it out). */
import { HTTP_METHODS } from '../core/http-methods.js';

export { HTTP_METHODS };
export { HTTP_METHOD_SET } from '../core/http-methods.js';
const methods = (withQuery: boolean): Record<string, FieldType> =>
  Object.fromEntries(HTTP_METHODS.filter((m) => withQuery || m !== 'query').map((m) => [m, 'Operation' as const]));

const SCHEMA: Record<string, FieldType> = {
  properties: 'Map:Schema',
  patternProperties: 'Map:Schema',
  $defs: 'Map:Schema',
  definitions: 'Map:Schema',
  dependentSchemas: 'Map:Schema',
  allOf: 'List:Schema',
  anyOf: 'List:Schema',
  oneOf: 'List:Schema',
  prefixItems: 'List:Schema',
  items: 'SchemaOrList',
  additionalItems: 'Schema',
  additionalProperties: 'Schema',
  not: 'Schema',
  if: 'Schema',
  then: 'Schema',
  else: 'Schema',
  contains: 'Schema',
  propertyNames: 'Schema',
  unevaluatedItems: 'Schema',
  unevaluatedProperties: 'Schema',
  contentSchema: 'Schema',
  discriminator: 'Discriminator',
  xml: 'XML',
  externalDocs: 'ExternalDocs',
  example: 'Data',
  examples: 'Data',
  default: 'Data',
  enum: 'Data',
  const: 'Data',
};

const V3: Partial<Record<NodeType, Record<string, FieldType>>> = {
  Root: {
    info: 'Info',
    servers: 'List:Server',
    paths: 'Paths',
    webhooks: 'Map:PathItem',
    components: 'Components',
    security: 'List:SecurityRequirement',
    tags: 'List:Tag',
    externalDocs: 'ExternalDocs',
  },
  Info: { contact: 'Contact', license: 'License' },
  Server: { variables: 'Map:ServerVariable' },
  ServerVariable: { enum: 'Data', default: 'Data' },
  Paths: {},
  PathItem: { ...methods(true), parameters: 'List:Parameter', servers: 'List:Server', additionalOperations: 'Map:Operation' },
  Operation: {
    parameters: 'List:Parameter',
    requestBody: 'RequestBody',
    responses: 'Responses',
    callbacks: 'Map:Callback',
    externalDocs: 'ExternalDocs',
    security: 'List:SecurityRequirement',
    servers: 'List:Server',
  },
  Parameter: { schema: 'Schema', content: 'Map:MediaType', example: 'Data', examples: 'Map:Example' },
  Header: { schema: 'Schema', content: 'Map:MediaType', example: 'Data', examples: 'Map:Example' },
  RequestBody: { content: 'Map:MediaType' },
  Responses: {},
  Response: { headers: 'Map:Header', content: 'Map:MediaType', links: 'Map:Link' },
  MediaType: {
    schema: 'Schema',
    itemSchema: 'Schema',
    example: 'Data',
    examples: 'Map:Example',
    encoding: 'Map:Encoding',
    prefixEncoding: 'List:Encoding',
    itemEncoding: 'Encoding',
  },
  Encoding: { headers: 'Map:Header', encoding: 'Map:Encoding', prefixEncoding: 'List:Encoding', itemEncoding: 'Encoding' },
  Example: { value: 'Data', dataValue: 'Data' },
  Link: { parameters: 'Data', requestBody: 'Data', server: 'Server' },
  Callback: {},
  Tag: { externalDocs: 'ExternalDocs' },
  Components: {
    schemas: 'Map:Schema',
    responses: 'Map:Response',
    parameters: 'Map:Parameter',
    examples: 'Map:Example',
    requestBodies: 'Map:RequestBody',
    headers: 'Map:Header',
    securitySchemes: 'Map:SecurityScheme',
    links: 'Map:Link',
    callbacks: 'Map:Callback',
    pathItems: 'Map:PathItem',
    mediaTypes: 'Map:MediaType',
  },
  SecurityScheme: { flows: 'OAuthFlows' },
  OAuthFlows: {
    implicit: 'OAuthFlow',
    password: 'OAuthFlow',
    clientCredentials: 'OAuthFlow',
    authorizationCode: 'OAuthFlow',
    deviceAuthorization: 'OAuthFlow',
  },
  OAuthFlow: { scopes: 'Data' },
  SecurityRequirement: {},
  Schema: SCHEMA,
  Discriminator: { mapping: 'Data' },
};

const V2: Partial<Record<NodeType, Record<string, FieldType>>> = {
  Root: {
    info: 'Info',
    paths: 'Paths',
    definitions: 'Map:Schema',
    parameters: 'Map:Parameter',
    responses: 'Map:Response',
    securityDefinitions: 'Map:SecurityScheme',
    security: 'List:SecurityRequirement',
    tags: 'List:Tag',
    externalDocs: 'ExternalDocs',
  },
  Info: { contact: 'Contact', license: 'License' },
  Paths: {},
  PathItem: { ...methods(false), parameters: 'List:Parameter' },
  Operation: { parameters: 'List:Parameter', responses: 'Responses', externalDocs: 'ExternalDocs', security: 'List:SecurityRequirement' },
  Parameter: { schema: 'Schema', items: 'Items', default: 'Data', enum: 'Data', 'x-example': 'Data' },
  Items: { items: 'Items', default: 'Data', enum: 'Data' },
  Header: { items: 'Items', default: 'Data', enum: 'Data' },
  Responses: {},
  Response: { schema: 'Schema', headers: 'Map:Header', examples: 'Data' },
  Tag: { externalDocs: 'ExternalDocs' },
  SecurityScheme: { scopes: 'Data' },
  SecurityRequirement: {},
  Schema: SCHEMA,
};

/** Types whose children are all of one type (keys are names chosen by the author). */
const MAP_OF: Partial<Record<NodeType, FieldType>> = {
  Paths: 'PathItem',
  Responses: 'Response',
  Callback: 'PathItem',
  SecurityRequirement: 'Data',
};

/** The type of `parent[key]`; undefined for an unknown field (walked untyped). */
export function fieldType(parent: NodeType, key: string, version: OasVersion): FieldType | undefined {
  if (key.startsWith('x-') && parent !== 'Schema') return undefined;
  const table = version === '2.0' ? V2 : V3;
  const fields = table[parent];
  // Own fields only: a key such as `constructor` or `__proto__` is data, not Object.prototype's.
  const t = fields !== undefined && Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (t) return t;
  const all = MAP_OF[parent];
  if (all && !(parent === 'Paths' && !key.startsWith('/'))) return all;
  return undefined;
}

/** The type at a pointer of the root document, by position only (no refs followed); undefined when untyped. */
export function typeAtPath(segments: readonly string[], version: OasVersion): NodeType | 'Data' | undefined {
  let t: FieldType = 'Root';
  for (const seg of segments) {
    if (t === 'Data') return 'Data';
    let next: FieldType | undefined;
    if (t.startsWith('Map:') || t.startsWith('List:')) next = t.slice(t.indexOf(':') + 1) as NodeType;
    else if (t === 'SchemaOrList') next = /^\d+$/.test(seg) ? 'Schema' : fieldType('Schema', seg, version);
    else next = fieldType(t as NodeType, seg, version);
    if (!next) return undefined;
    t = next;
  }
  if (t === 'SchemaOrList') return 'Schema';
  if (t.startsWith('Map:') || t.startsWith('List:')) return undefined;
  return t as NodeType | 'Data';
}
