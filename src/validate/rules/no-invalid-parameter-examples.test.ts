import { describe, expect, it } from 'vitest';
import { noInvalidParameterExamples as rule } from './no-invalid-parameter-examples.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('parameter and header examples', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100}, example: 500}
        - {name: q, in: query, schema: {type: string}, examples: {one: {value: x}}}
      responses:
        '200':
          description: ok
          headers:
            X-Rate: {schema: {type: integer}, example: lots}
`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/paths/~1a/get/parameters/0/example', 'the parameter example does not match its schema: the value must be <= 100, not 500'],
      [
        '/paths/~1a/get/responses/200/headers/X-Rate/example',
        'the header example does not match its schema: the value must be an integer, not a string ("lots")',
      ],
    ]);
  });
});
