import { HTTP_METHODS } from '../../core/http-methods.js';

/**
 * Which OpenAPI object sits where: enough of the OAS 2.0 / 3.x object model
 * for the bundler to know, at each `$ref`, whether the target is a Schema, a
 * Response, a Parameter … (and so which `components` section it belongs in),
 * or something to inline. A type name ending in `{}` is a map of that type,
 * `[]` a list. `Data` is literal data (examples, defaults): a `$ref` there is
 * a value, not a reference. `Any` is anything else (descriptions, extensions):
 * references there are inlined.
 */
export type OasFamily = '2.0' | '3.x';

interface ObjectType {
  fields?: Record<string, string>;
  /** Map types: the type of every value. */
  values?: string;
  /** The components section a referenced object of this type is placed in. */
  section?: Partial<Record<OasFamily, string>>;
}

const SCHEMA_FIELDS: Record<string, string> = {
  properties: 'Schema{}',
  patternProperties: 'Schema{}',
  $defs: 'Schema{}',
  dependentSchemas: 'Schema{}',
  definitions: 'Schema{}',
  additionalProperties: 'Schema',
  items: 'Schema',
  not: 'Schema',
  if: 'Schema',
  then: 'Schema',
  else: 'Schema',
  contains: 'Schema',
  propertyNames: 'Schema',
  unevaluatedItems: 'Schema',
  unevaluatedProperties: 'Schema',
  contentSchema: 'Schema',
  additionalItems: 'Schema',
  allOf: 'Schema[]',
  anyOf: 'Schema[]',
  oneOf: 'Schema[]',
  prefixItems: 'Schema[]',
  example: 'Data',
  examples: 'Data',
  default: 'Data',
  enum: 'Data',
  const: 'Data',
};

const METHODS = HTTP_METHODS;

const TYPES: Record<string, ObjectType> = {
  Root3: {
    fields: { paths: 'PathItem{}', webhooks: 'PathItem{}', components: 'Components', servers: 'Server[]', tags: 'Tag[]' },
  },
  Server: {},
  Tag: {},
  Root2: {
    fields: { paths: 'PathItem{}', definitions: 'Schema{}', parameters: 'Parameter{}', responses: 'Response{}', securityDefinitions: 'SecurityScheme{}' },
  },
  Components: {
    fields: {
      schemas: 'Schema{}',
      responses: 'Response{}',
      parameters: 'Parameter{}',
      examples: 'Example{}',
      requestBodies: 'RequestBody{}',
      headers: 'Header{}',
      securitySchemes: 'SecurityScheme{}',
      links: 'Link{}',
      callbacks: 'Callback{}',
      pathItems: 'PathItem{}',
    },
  },
  PathItem: {
    fields: {
      ...Object.fromEntries(METHODS.map((m) => [m, 'Operation'])),
      parameters: 'Parameter[]',
      additionalOperations: 'Operation{}',
      servers: 'Server[]',
    },
  },
  Operation: { fields: { parameters: 'Parameter[]', requestBody: 'RequestBody', responses: 'Response{}', callbacks: 'Callback{}', servers: 'Server[]' } },
  Callback: { values: 'PathItem', section: { '3.x': 'callbacks' } },
  Parameter: {
    fields: { schema: 'Schema', content: 'MediaType{}', examples: 'Example{}', example: 'Data', default: 'Data', enum: 'Data', items: 'Schema' },
    section: { '2.0': 'parameters', '3.x': 'parameters' },
  },
  RequestBody: { fields: { content: 'MediaType{}' }, section: { '3.x': 'requestBodies' } },
  MediaType: { fields: { schema: 'Schema', itemSchema: 'Schema', examples: 'Example{}', example: 'Data', encoding: 'Encoding{}' } },
  Encoding: { fields: { headers: 'Header{}' } },
  Response: {
    fields: { headers: 'Header{}', content: 'MediaType{}', links: 'Link{}', schema: 'Schema', examples: 'Data' },
    section: { '2.0': 'responses', '3.x': 'responses' },
  },
  Header: {
    fields: { schema: 'Schema', content: 'MediaType{}', examples: 'Example{}', example: 'Data', default: 'Data', enum: 'Data', items: 'Schema' },
    section: { '3.x': 'headers' },
  },
  Example: { fields: { value: 'Data' }, section: { '3.x': 'examples' } },
  Link: { fields: { parameters: 'Data', requestBody: 'Data' }, section: { '3.x': 'links' } },
  SecurityScheme: { section: { '2.0': 'securityDefinitions', '3.x': 'securitySchemes' } },
  Schema: { fields: SCHEMA_FIELDS, section: { '2.0': 'definitions', '3.x': 'schemas' } },
};

export function rootType(family: OasFamily): string {
  return family === '2.0' ? 'Root2' : 'Root3';
}

/** The type of the value under `key` of a node of type `type`. */
export function childType(type: string, key: string | number): string {
  if (type.endsWith('{}') || type.endsWith('[]')) return type.slice(0, -2);
  if (type === 'Data') return 'Data';
  const t = TYPES[type];
  if (!t) return 'Any';
  if (t.values) return t.values;
  return (typeof key === 'string' && t.fields?.[key]) || 'Any';
}

/** Where a referenced object of this type goes: `[section, 'components' | root]`, or undefined to inline it. */
export function componentSection(type: string, family: OasFamily): string | undefined {
  return TYPES[type]?.section?.[family];
}
