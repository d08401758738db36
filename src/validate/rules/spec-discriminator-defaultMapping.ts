import { resolveRef } from '../refs/resolve.js';
import { propertyFacts } from './discriminator.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * OpenAPI 3.2 §4.8.25 Discriminator Object `propertyName`
 * (https://spec.openapis.org/oas/v3.2.0.html#discriminator-object): "The discriminating property
 * MAY be defined as required or optional, but when defined as optional the Discriminator Object
 * MUST include a `defaultMapping` field". `defaultMapping` is a schema name or a URI reference to
 * a schema: it must name one that exists. Redocly's rule of the same name (recommended: warn).
 * The property counts as required when the schema, one of its `allOf` parts, or every
 * `oneOf`/`anyOf` branch requires it.
 */
export const specDiscriminatorDefaultMapping: Rule = {
  id: 'spec-discriminator-defaultMapping',
  severity: 'error',
  description: '3.2: a discriminator whose property is optional has a `defaultMapping`, and the `defaultMapping` names an existing schema.',
  versions: ['3.2'],
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const schemas = isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {};
    return {
      Schema(schema, ctx) {
        const d = schema.discriminator;
        if (!isRecord(d) || typeof d.propertyName !== 'string') return;
        const name = d.propertyName;
        const dm = d.defaultMapping;
        if (typeof dm === 'string') {
          if (/^[a-zA-Z0-9._-]+$/.test(dm) && Object.hasOwn(schemas, dm)) return;
          const r = /^[a-zA-Z0-9._-]+$/.test(dm) && !/\.(ya?ml|json)$/.test(dm) ? undefined : resolveRef(set, ctx.file, dm);
          if (r?.ok) return;
          report({
            file: ctx.file,
            pointer: at(ctx, 'discriminator', 'defaultMapping'),
            message: `the discriminator's defaultMapping \`${dm}\` does not resolve: ${r && !r.ok ? r.reason : `there is no schema \`${dm}\` in components.schemas`}`,
          });
          return;
        }
        if (dm !== undefined) return; // not a string: a struct error
        const facts = propertyFacts({ value: schema, file: ctx.file, pointer: at(ctx) }, ctx);
        if (facts.required.has(name)) return;
        report({
          file: ctx.file,
          pointer: at(ctx, 'discriminator'),
          message: `the discriminator property \`${name}\` is optional, and the discriminator has no \`defaultMapping\`: OpenAPI 3.2 requires one for an optional property`,
          suggestion: `Add \`${name}\` to \`required\`, or a \`defaultMapping\` naming the schema for payloads without it.`,
        });
      },
    };
  },
};
