import { describe, expect, it } from 'vitest';
import { operationParametersUnique as rule } from './operation-parameters-unique.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('reports duplicates by name and in, resolving refs; headers case-insensitively', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    parameters:
      - {name: q, in: query}
      - {name: q, in: header}
      - {name: Q, in: header}
    get:
      parameters:
        - {$ref: '#/components/parameters/Limit'}
        - {name: limit, in: query}
        - {name: q, in: query}
components:
  parameters:
    Limit: {name: limit, in: query}
`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/paths/~1a/parameters/2', 'duplicate parameter `Q` (in: header) in the path item: it is already parameter 1'],
      ['/paths/~1a/get/parameters/1', 'duplicate parameter `limit` (in: query) in the operation: it is already parameter 0'],
    ]);
  });
});
