import { describe, expect, it } from 'vitest';
import { specNoInvalidEncodingCombinations as rule } from './spec-no-invalid-encoding-combinations.js';
import { runRule } from './rule-test-helper.js';

const doc = (mediaType: string, version = '3.2.0'): string =>
  `openapi: ${version}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  requestBodies:\n    B:\n      content:\n        multipart/mixed: ${mediaType}\n`;
const at = '/components/requestBodies/B/content/multipart~1mixed';

describe(rule.id, () => {
  it.each([
    ['{encoding: {a: {contentType: text/plain}}}', []],
    ['{prefixEncoding: [{}], itemEncoding: {}}', []],
    ['{encoding: {a: {}}, prefixEncoding: [{}]}', [`${at}/prefixEncoding`]],
    ['{encoding: {a: {}}, prefixEncoding: [{}], itemEncoding: {}}', [`${at}/prefixEncoding`, `${at}/itemEncoding`]],
    ['{encoding: {a: {encoding: {b: {}}, itemEncoding: {}}}}', [`${at}/encoding/a/itemEncoding`]],
  ])('%s', async (mediaType, want) => {
    const hits = await runRule(rule, doc(mediaType));
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'error')).toBe(true);
  });
});
