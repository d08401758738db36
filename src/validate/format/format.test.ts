import { describe, expect, it } from 'vitest';
import type { ValidateResult } from '../types.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

const result: ValidateResult = {
  errorCount: 1,
  warningCount: 1,
  fatal: false,
  problems: [
    {
      ruleId: 'struct',
      severity: 'error',
      message: 'property `x` is not allowed in an Operation Object',
      file: 'specs/openapi.yaml',
      pointer: '/paths/~1a/get/x',
      line: 12,
      column: 7,
      suggestion: 'drop it',
    },
    { ruleId: 'ref-not-allowed', severity: 'warn', message: 'w', file: 'specs/openapi.yaml', pointer: '/paths/~1b/get/$ref', line: 130, column: 7 },
  ],
};

describe('formats', () => {
  it('json: the design.md shape, keys in order, nothing else', () => {
    const parsed = JSON.parse(formatJson(result)) as { problems: object[] };
    expect(Object.keys(parsed)).toEqual(['errorCount', 'warningCount', 'problems']);
    expect(parsed.problems[0]).toEqual({
      ruleId: 'struct',
      severity: 'error',
      message: 'property `x` is not allowed in an Operation Object',
      file: 'specs/openapi.yaml',
      pointer: '/paths/~1a/get/x',
      line: 12,
      column: 7,
    });
    expect(Object.keys(parsed.problems[0] ?? {})).toEqual(['ruleId', 'severity', 'message', 'file', 'pointer', 'line', 'column']);
  });

  it('stylish: grouped by file, aligned, with a summary', () => {
    expect(formatStylish(result)).toBe(
      'specs/openapi.yaml\n' +
        '  12:7   error    property `x` is not allowed in an Operation Object  struct\n' +
        '  130:7  warning  w                                                   ref-not-allowed\n' +
        '\n' +
        '✖ 2 problems (1 error, 1 warning)\n',
    );
    expect(formatStylish({ problems: [], errorCount: 0, warningCount: 0, fatal: false })).toBe('✔ no problems found\n');
  });
});
