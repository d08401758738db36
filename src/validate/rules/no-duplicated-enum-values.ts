import { isDeepStrictEqual } from 'node:util';
import type { Rule } from './rule.js';
import { at } from './util.js';
import type { WalkContext } from '../walk.js';

/**
 * `enum` values are unique: JSON Schema (draft 4 §5.5.1, 2020-12 validation §6.1.2) says
 * the elements "SHOULD be unique" (a warning). Redocly's rule of the same name.
 */
export const noDuplicatedEnumValues: Rule = {
  id: 'no-duplicated-enum-values',
  severity: 'warn',
  description: '`enum` values are unique (a SHOULD of JSON Schema).',
  create: ({ report }) => {
    const check = (values: unknown, ctx: WalkContext): void => {
      if (!Array.isArray(values) || values.length < 2) return;
      const scalars = new Set<unknown>();
      const objects: unknown[] = [];
      values.forEach((v, i) => {
        const object = v !== null && typeof v === 'object';
        const dup = object ? objects.some((o) => isDeepStrictEqual(o, v)) : scalars.has(v);
        if (dup) report({ file: ctx.file, pointer: at(ctx, 'enum', i), message: `the enum value ${JSON.stringify(v)} is listed twice` });
        if (object) objects.push(v);
        else scalars.add(v);
      });
    };
    return {
      Schema: (s, ctx) => check(s.enum, ctx),
      Parameter: (p, ctx) => check(p.enum, ctx),
      Header: (h, ctx) => check(h.enum, ctx),
      Items: (i, ctx) => check(i.enum, ctx),
    };
  },
};
