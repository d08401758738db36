import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import type { OasVersion } from './types.js';

export type VersionResult = { ok: true; version: OasVersion } | { ok: false; problem: Diagnostic };

/** Which official schema applies: from the `swagger` / `openapi` field. */
export function detectVersion(data: unknown, file: string): VersionResult {
  const fail = (ruleId: string, message: string, pointer = ''): VersionResult => ({
    ok: false,
    problem: { ruleId, severity: 'error', message, file, pointer },
  });
  if (!isObject(data)) {
    return fail('not-openapi', `not an OpenAPI description: the document is ${describe(data)}, not an object with an \`openapi\` or \`swagger\` field`);
  }
  if ('swagger' in data) {
    const v = data.swagger;
    if (v === '2.0') return { ok: true, version: '2.0' };
    return fail(
      'unsupported-version',
      `unsupported \`swagger\` version ${JSON.stringify(v)}: only "2.0" is supported (1.x descriptions are not OpenAPI 2.0+)`,
      '/swagger',
    );
  }
  if ('openapi' in data) {
    const v = data.openapi;
    const m = typeof v === 'string' ? /^3\.([0-2])\.\d+(-.+)?$/.exec(v) : null;
    if (m) return { ok: true, version: `3.${m[1]}` as OasVersion };
    const shown = JSON.stringify(v);
    const hint = typeof v === 'number' ? ' (write it as a string, e.g. "3.1.0")' : ' (supported: 3.0.x, 3.1.x, 3.2.x)';
    return fail('unsupported-version', `unsupported \`openapi\` version ${shown}${hint}`, '/openapi');
  }
  return fail('not-openapi', 'not an OpenAPI description: the document has neither an `openapi` nor a `swagger` field');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
