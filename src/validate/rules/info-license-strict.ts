import type { Rule } from './rule.js';
import { at } from './util.js';

/** The License Object has a `url` (OpenAPI 3.1+: a `url` or an SPDX `identifier`), as Redocly's rule. */
export const infoLicenseStrict: Rule = {
  id: 'info-license-strict',
  severity: 'off',
  description: 'The license has a `url` (3.1+: or an `identifier`).',
  create: ({ set, report }) => {
    const identifier = set.version === '3.1' || set.version === '3.2';
    return {
      License(license, ctx) {
        if (typeof license.url === 'string' && license.url !== '') return;
        if (identifier && typeof license.identifier === 'string' && license.identifier !== '') return;
        report({ file: ctx.file, pointer: at(ctx), message: identifier ? 'the license has no `url` or `identifier`' : 'the license has no `url`' });
      },
    };
  },
};
