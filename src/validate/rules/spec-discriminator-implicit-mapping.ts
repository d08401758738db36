import { componentName, pinnedValues } from './discriminator.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * A discriminator without `mapping` maps each value to the schema of that name: "the inline or
 * referenced schema name is the implicit mapping value" (OpenAPI 3.x §Discriminator Object,
 * https://spec.openapis.org/oas/v3.1.1.html#discriminator-object; "If the discriminating value
 * does not match an implicit or explicit mapping, no schema can be determined and validation
 * SHOULD fail"). So an alternative of the `oneOf`/`anyOf` can be selected only when it is a
 * `$ref` to a named schema whose property allows that name. It cannot when it is inline (it has
 * no name), or when it pins the property (`const`, `enum`) to other values: OpenAI's
 * `ChatCompletionRequestMessage` pins `role` to `system`, `user`, ... in schemas named
 * `ChatCompletionRequest…Message`, so no valid payload selects any of them. Reported with the
 * explicit `mapping` that fixes it, as a warning: the one normative sentence is a SHOULD ("validation
 * SHOULD fail"), and 3.2 adds that a discriminator "MUST NOT change the validation outcome" of the
 * `oneOf`. Not checked: a discriminator with a `mapping` (explicit), or, in 3.2, with a
 * `defaultMapping` (a fallback), or on a schema without `oneOf`/`anyOf` (the `allOf` style).
 */
/** Alternatives named in one message at most. */
const MAX_LISTED = 5;

export const specDiscriminatorImplicitMapping: Rule = {
  id: 'spec-discriminator-implicit-mapping',
  severity: 'warn',
  description: '3.x: a discriminator without `mapping` can select each oneOf/anyOf alternative by its schema name (not inline, not pinned to other values).',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Schema(schema, ctx) {
      const d = schema.discriminator;
      if (!isRecord(d) || typeof d.propertyName !== 'string' || d.mapping !== undefined || d.defaultMapping !== undefined) return;
      const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
      if (key === undefined) return;
      const name = d.propertyName;
      const alternatives = schema[key] as unknown[];
      const problems: string[] = [];
      const mapping = new Map<string, string[]>();
      let unmappable = false;
      alternatives.forEach((alt, i) => {
        if (!isRecord(alt)) return;
        const ref = typeof alt.$ref === 'string' ? alt.$ref : undefined;
        const r = ctx.resolve(alt, at(ctx, key, i), ctx.file);
        const values = r ? pinnedValues(r, name, ctx) : undefined;
        const target = ref ?? `#${at(ctx, key, i)}`;
        if (values) for (const v of values) mapping.set(v, [...(mapping.get(v) ?? []), target]);
        if (ref === undefined) {
          if (typeof alt.$id === 'string') return; // named by its $id
          problems.push(`${key}[${i}] is inline (it has no schema name)`);
          if (!values) unmappable = true;
          return;
        }
        const schemaName = componentName(ref);
        if (schemaName === undefined || !values || values.includes(schemaName)) return;
        problems.push(`${key}[${i}] (\`${schemaName}\`) allows \`${name}\` only ${values.map((v) => `\`${v}\``).join(', ')}`);
      });
      if (problems.length === 0) return;
      const shown = problems.length > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), `${problems.length - MAX_LISTED} more`] : problems;
      const shared = [...mapping].filter(([, targets]) => targets.length > 1).map(([v]) => `\`${v}\``);
      const entries = [...mapping].filter(([, targets]) => targets.length === 1).map(([v, targets]) => `${v}: '${targets[0]}'`);
      report({
        file: ctx.file,
        pointer: at(ctx, 'discriminator'),
        message: `the discriminator \`${name}\` has no \`mapping\`, so its values must be schema names, but ${shown.join('; ')}: no valid payload selects ${problems.length === 1 ? 'it' : 'them'}`,
        suggestion: unmappable
          ? `Pin \`${name}\` (const or enum) in every alternative, and add an explicit \`mapping\` from each value to its alternative.`
          : shared.length > 0
            ? `Add an explicit \`mapping\` (${entries.slice(0, MAX_LISTED).join(', ')}${entries.length > MAX_LISTED ? ', …' : ''}); ${shared.join(', ')} ${shared.length === 1 ? 'is' : 'are'} allowed by more than one alternative, which no mapping can tell apart.`
            : `Add an explicit mapping: \`mapping: {${entries.join(', ')}}\`.`,
      });
    },
  }),
};
