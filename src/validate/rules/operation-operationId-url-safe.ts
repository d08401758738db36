import type { Rule } from './rule.js';
import { at } from './util.js';

/** Characters allowed in a URL without escaping (RFC 3986 unreserved + reserved). */
const URL_SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;

/** operationIds end up in links and generated code; characters outside the URL set (spaces, quotes, `{}`) get in the way. */
export const operationOperationIdUrlSafe: Rule = {
  id: 'operation-operationId-url-safe',
  severity: 'warn',
  description: 'operationIds use only URL-safe characters.',
  create: ({ report }) => ({
    Operation(op, ctx) {
      if (typeof op.operationId !== 'string' || URL_SAFE.test(op.operationId)) return;
      report({ file: ctx.file, pointer: at(ctx, 'operationId'), message: `operationId \`${op.operationId}\` contains characters that are not URL-safe` });
    },
  }),
};
