import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { walkRefs } from './walk.js';

describe('walkRefs (the loader’s untyped pass)', () => {
  it('follows the `$ref` of an example named `value`, not the `$ref`-looking data in an Example Object’s `value`', () => {
    const data: unknown = parse(`
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
    const refs: string[] = [];
    walkRefs({ path: '/p/api.yaml', display: 'api.yaml', data, text: '', format: 'yaml' }, (ref) => refs.push(ref));
    expect(refs).toEqual(['examples.yaml#/value', 'property.yaml']);
  });
});
