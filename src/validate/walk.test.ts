import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { walkRefs } from './walk.js';

/** The `$ref`s walkRefs reports in a YAML document, in order. */
function refsIn(yaml: string): string[] {
  const refs: string[] = [];
  walkRefs({ path: '/p/api.yaml', display: 'api.yaml', data: parse(yaml) as unknown, text: '', format: 'yaml' }, (ref) => refs.push(ref));
  return refs;
}

describe('walkRefs (the loader’s untyped pass)', () => {
  it('follows the `$ref` of an example named `value`, not the `$ref`-looking data in an Example Object’s `value`', () => {
    const refs = refsIn(`
x-samples:
  examples:
    literal:
      value: {$ref: 'data-only.yaml'}
    value:
      $ref: 'examples.yaml#/value'
  schema:
    properties:
      example: {$ref: 'property.yaml'}
    example: {$ref: 'literal.yaml'}
`);
    expect(refs).toEqual(['examples.yaml#/value', 'property.yaml']);
  });

  it('reads an author-chosen name as a name: a property called `examples` or `properties` is a schema, an example called `default` is an example', () => {
    const refs = refsIn(`
x-models:
  properties:
    examples:
      value: {$ref: 'keyword-of-property-examples.yaml'}
    properties:
      example: {$ref: 'literal-of-property-properties.yaml'}
      items: {$ref: 'items-of-property-properties.yaml'}
  examples:
    default: {$ref: 'example-named-default.yaml'}
    properties:
      value: {properties: {$ref: 'literal-value.yaml'}}
      x-extra: {$ref: 'extension-of-example.yaml'}
`);
    expect(refs).toEqual(['keyword-of-property-examples.yaml', 'items-of-property-properties.yaml', 'example-named-default.yaml', 'extension-of-example.yaml']);
  });
});
