import type { Rule } from './rule.js';
import { checkExamples } from './no-invalid-media-type-examples.js';

/** A Parameter's (or Header's) `example` and `examples` values match its `schema` (a warning: "SHOULD match"). */
export const noInvalidParameterExamples: Rule = {
  id: 'no-invalid-parameter-examples',
  severity: 'warn',
  description: 'Parameter and header examples match their schema.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Parameter(param, ctx) {
      checkExamples(param, ctx, report, 'parameter example');
    },
    Header(header, ctx) {
      checkExamples(header, ctx, report, 'header example');
    },
  }),
};
