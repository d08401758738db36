import { describe, expect, it } from 'vitest';
import { specBodyParameters as rule } from './spec-body-parameters.js';
import { runRule } from './rule-test-helper.js';

const doc = (paths: string, top = ''): string => `swagger: '2.0'\ninfo: {title: t, version: '1'}\n${top}paths:\n${paths}`;

describe(rule.id, () => {
  it.each([
    ['one body parameter', doc(`  /a:\n    post:\n      parameters: [{name: b, in: body, schema: {}}]\n      responses: {'200': {description: ok}}\n`), []],
    [
      'two body parameters across path item and operation',
      doc(
        `  /a:\n    parameters: [{name: b1, in: body, schema: {}}]\n    post:\n      parameters: [{name: b2, in: body, schema: {}}]\n      responses: {'200': {description: ok}}\n`,
      ),
      ['error /paths/~1a/post/parameters/0: a second `body` parameter (the first is `b1`): an operation has one body parameter at most'],
    ],
    [
      'body and formData together (through a $ref)',
      doc(
        `  /a:\n    post:\n      consumes: [multipart/form-data]\n      parameters: [{name: f, in: formData, type: string}, {$ref: '#/parameters/B'}]\n      responses: {'200': {description: ok}}\n`,
        'parameters:\n  B: {name: b, in: body, schema: {}}\n',
      ),
      ['error /paths/~1a/post/parameters/1: a `body` parameter in an operation with `formData` parameter `f`: body and form parameters cannot exist together'],
    ],
    [
      'file parameter without a form consumes',
      doc(
        `  /a:\n    post:\n      consumes: [application/json]\n      parameters: [{name: up, in: formData, type: file}]\n      responses: {'200': {description: ok}}\n`,
      ),
      [
        'error /paths/~1a/post/parameters/0: file parameter `up`: the operation consumes only `application/json`; a file parameter needs `multipart/form-data` or `application/x-www-form-urlencoded`',
      ],
    ],
    [
      'file parameter with the document consumes',
      doc(
        `  /a:\n    post:\n      parameters: [{name: up, in: formData, type: file}]\n      responses: {'200': {description: ok}}\n`,
        'consumes: [multipart/form-data; charset=utf-8]\n',
      ),
      [],
    ],
    [
      'the operation consumes overrides the document',
      doc(
        `  /a:\n    post:\n      consumes: []\n      parameters: [{name: up, in: formData, type: file}]\n      responses: {'200': {description: ok}}\n`,
        'consumes: [multipart/form-data]\n',
      ),
      [
        'error /paths/~1a/post/parameters/0: file parameter `up`: the operation declares no `consumes`; a file parameter needs `multipart/form-data` or `application/x-www-form-urlencoded`',
      ],
    ],
    [
      'form parameter without a form consumes: a warning',
      doc(`  /a:\n    post:\n      parameters: [{name: f, in: formData, type: string}]\n      responses: {'200': {description: ok}}\n`),
      [
        'warn /paths/~1a/post/parameters/0: form parameter `f`: the operation declares no `consumes`; form parameters describe a `multipart/form-data` or `application/x-www-form-urlencoded` payload',
      ],
    ],
    [
      'a path item body parameter overridden by the operation is one',
      doc(
        `  /a:\n    parameters: [{name: b, in: body, schema: {}}]\n    post:\n      parameters: [{name: b, in: body, schema: {type: object}}]\n      responses: {'200': {description: ok}}\n    put:\n      responses: {'200': {description: ok}}\n`,
      ),
      [],
    ],
  ])('%s', async (_name, text, want) => {
    const hits = await runRule(rule, text);
    expect(hits.map((h) => `${h.severity} ${h.pointer}: ${h.message}`)).toEqual(want);
  });
});
