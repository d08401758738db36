import { describe, expect, it } from 'vitest';
import { noInvalidMediaTypeExamples as rule } from './no-invalid-media-type-examples.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('example and examples against the media type schema, at the offending value; readOnly not required in requests', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
            example: {name: Rex}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
              examples:
                good: {value: {id: 1, name: Rex}}
                bad: {$ref: '#/components/examples/Bad'}
                external: {externalValue: 'https://example.com/x.json'}
components:
  examples:
    Bad: {value: {id: one, name: Rex}}
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties: {id: {type: integer, readOnly: true}, name: {type: string}}
`,
    );
    expect(hits).toEqual([
      {
        pointer: '/components/examples/Bad/value/id',
        severity: 'warn',
        message: 'example `bad` does not match its schema: `id` must be an integer, not a string ("one")',
      },
    ]);
  });

  it('2.0: response examples by media type', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          schema: {type: array, items: {type: string}}\n          examples: {application/json: [a, 2], text/plain: whatever}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      [
        '/paths/~1a/get/responses/200/examples/application~1json/1',
        'the `application/json` example does not match its schema: `1` must be a string, not an integer (2)',
      ],
    ]);
  });
  it('an `example` given as a $ref (DigitalOcean style) is checked as what it points to', async () => {
    const doc = (target: string): string => `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, required: [meta], properties: {meta: {type: object}}}
              example: {$ref: '${target}'}
`;
    const files = { 'examples.yml': 'good: {meta: {total: 1}}\nbad: {meta: 1}\n' };
    expect(await runRule(rule, doc('examples.yml#/good'), files)).toEqual([]);
    const bad = await runRule(rule, doc('examples.yml#/bad'), files);
    expect(bad.map((h) => h.pointer)).toEqual(['api/examples.yml#/bad/meta']);
    // Dangling: not a mismatch of the example (no-unresolved-refs' business).
    expect(await runRule(rule, doc('examples.yml#/nope'), files)).toEqual([]);
  });
});
