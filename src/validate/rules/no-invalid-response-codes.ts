import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * Response codes are HTTP status codes, 100 to 599. The 3.x schemas check
 * that (`^[1-5](?:\d{2}|XX)$`, reported by `struct` with a hint for `4xx`); the
 * 2.0 schema accepts any three digits, so `600` or `099` is caught here.
 */
export const noInvalidResponseCodes: Rule = {
  id: 'no-invalid-response-codes',
  severity: 'error',
  description: 'Response codes are HTTP status codes from 100 to 599 (the 2.0 schema accepts any three digits).',
  versions: ['2.0'],
  create: ({ report }) => ({
    Responses(responses, ctx) {
      for (const code of Object.keys(responses)) {
        if (!/^[0-9]{3}$/.test(code) || /^[1-5]/.test(code)) continue;
        report({ file: ctx.file, pointer: at(ctx, code), message: `\`${code}\` is not an HTTP status code (100 to 599)` });
      }
    },
  }),
};
