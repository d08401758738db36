import { describe, expect, it } from 'vitest';
import { specArrayItems as rule } from './spec-array-items.js';
import { runRule } from './rule-test-helper.js';

const oas30 = (schemas: string): string => `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
const swagger = (rest: string): string => `swagger: '2.0'\ninfo: {title: t, version: '1'}\n${rest}`;

describe(rule.id, () => {
  it.each([
    ['3.0 array without items', oas30('    A: {type: array}\n'), ['/components/schemas/A']],
    [
      '3.0 nested array without items',
      oas30('    A: {type: object, properties: {tags: {type: array, minItems: 1}}}\n'),
      ['/components/schemas/A/properties/tags'],
    ],
    ['3.0 array with items', oas30('    A: {type: array, items: {type: string}}\n'), []],
    ['3.0 $ref siblings are ignored', oas30("    A: {$ref: '#/components/schemas/B', type: array}\n    B: {type: string}\n"), []],
    ['3.1 does not require items', `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: array}\n`, []],
    [
      '2.0 query, header and body parameters, nested items, headers, response schemas',
      swagger(`paths:
  /a:
    post:
      parameters:
        - {name: q, in: query, type: array}
        - {name: ok, in: query, type: array, items: {type: string}}
        - {name: deep, in: query, type: array, items: {type: array}}
        - {name: b, in: body, schema: {type: array}}
      responses:
        '200':
          description: ok
          schema: {type: array}
          headers:
            X-List: {type: array}
`),
      [
        '/paths/~1a/post/parameters/0',
        '/paths/~1a/post/parameters/2/items',
        '/paths/~1a/post/parameters/3/schema',
        '/paths/~1a/post/responses/200/schema',
        '/paths/~1a/post/responses/200/headers/X-List',
      ],
    ],
    ['2.0 nested definitions are not held to it', swagger('paths: {}\ndefinitions:\n  A: {type: object, properties: {x: {type: array}}}\n'), []],
  ])('%s', async (_name, doc, want) => {
    const hits = await runRule(rule, doc);
    expect(hits.map((h) => h.pointer).sort()).toEqual([...want].sort());
    expect(hits.every((h) => h.severity === 'error')).toBe(true);
  });
});
