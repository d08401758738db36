import { describe, expect, it } from 'vitest';
import { pathParametersDefined as rule } from './path-parameters-defined.js';
import { runRule } from './rule-test-helper.js';

const doc = (paths: string, components = ''): string => `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
${paths}
${components}`;

describe(rule.id, () => {
  it.each([
    [
      'declared on the path item',
      `  /a/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get: {responses: {'200': {description: ok}}}\n`,
      [],
    ],
    ['declared on the operation, via $ref', `  /a/{id}:\n    get:\n      parameters: [{$ref: '#/components/parameters/Id'}]\n`, []],
    [
      'missing on one operation',
      `  /a/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true}]\n    put: {}\n`,
      [['/paths/~1a~1{id}/put/parameters', 'the operation does not declare the path parameter `{id}` of `/a/{id}`']],
    ],
    [
      'declared but not in the path (the Cloudflare `phase` case)',
      `  /p/{ruleset_phase}:\n    get:\n      parameters: [{name: phase, in: path, required: true}]\n`,
      [
        ['/paths/~1p~1{ruleset_phase}/get/parameters/0/name', 'path parameter `phase` is not in the path `/p/{ruleset_phase}`'],
        ['/paths/~1p~1{ruleset_phase}/get/parameters', 'the operation does not declare the path parameter `{ruleset_phase}` of `/p/{ruleset_phase}`'],
      ],
    ],
    ['query parameters do not count', `  /a:\n    get:\n      parameters: [{name: id, in: query}]\n`, []],
  ])('%s', async (_name, paths, want) => {
    const hits = await runRule(rule, doc(paths, `components:\n  parameters:\n    Id: {name: id, in: path, required: true, schema: {type: string}}\n`));
    expect(hits.map((h) => [h.pointer, h.message])).toEqual(want);
  });

  it('follows an operation that is a $ref to another file (DigitalOcean), reporting in that file', async () => {
    const hits = await runRule(rule, doc(`  /k/{key_id}:\n    get: {$ref: './get.yaml'}\n    put: {$ref: './put.yaml'}\n`), {
      'get.yaml': `parameters: [{name: key_id, in: path, required: true}]\nresponses: {'200': {description: ok}}\n`,
      'put.yaml': `parameters: [{name: id, in: path, required: true}]\nresponses: {'200': {description: ok}}\n`,
    });
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['api/put.yaml#/parameters/0/name', 'path parameter `id` is not in the path `/k/{key_id}`'],
      ['api/put.yaml#/parameters', 'the operation does not declare the path parameter `{key_id}` of `/k/{key_id}`'],
    ]);
  });
});
