import type { Rule } from './rule.js';
import { at } from './util.js';

/** `info` has a `license` (Redocly's rule; OpenAPI makes it optional). */
export const infoLicense: Rule = {
  id: 'info-license',
  severity: 'off',
  description: '`info` has a `license`.',
  create: ({ report }) => ({
    Info(info, ctx) {
      if (info.license === undefined) report({ file: ctx.file, pointer: at(ctx), message: '`info` has no `license`' });
    },
  }),
};
