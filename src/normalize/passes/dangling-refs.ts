import type { Pass } from '../types.js';
import { forEachRef } from '../schema-walk.js';
import { isObject } from '../../core/json.js';
import { resolvePointer, parsePointer, pointer } from '../../core/pointer.js';

export type DanglingPolicy = 'patch' | 'quarantine';

/**
 * A `$ref` that points at nothing in its own document (FAL's `fal-ai/wan-ati` →
 * `TrackPoint`). With the `patch` policy a placeholder component is added that
 * accepts any value and says why; with `quarantine` the document is marked so
 * the build leaves the model out. Every dangling target is reported.
 */
export function danglingRefs(policy: DanglingPolicy): Pass {
  return {
    name: 'dangling-refs',
    description: `Find $refs to missing components (policy: ${policy}).`,
    run(src, ctx) {
      const missing = new Map<string, number>();
      const resolves = new Map<string, boolean>();
      forEachRef(src.doc, (ref) => {
        let ok = resolves.get(ref);
        if (ok === undefined) resolves.set(ref, (ok = ref.startsWith('#/') && resolvePointer(src.doc, ref.slice(1)) !== undefined));
        if (!ok) missing.set(ref, (missing.get(ref) ?? 0) + 1);
      });
      if (missing.size === 0) return;
      for (const [ref, count] of [...missing].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const segs = ref.startsWith('#/') ? parsePointer(ref.slice(1)) : [];
        const patchable = policy === 'patch' && segs.length === 3 && segs[0] === 'components' && segs[1] === 'schemas';
        if (patchable) {
          const components = (isObject(src.doc.components) ? src.doc.components : (src.doc.components = {})) as Record<string, unknown>;
          const schemas = (isObject(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;
          schemas[segs[2]!] = {
            description: `Placeholder: the provider document references \`${segs[2]}\` but does not define it, so any value is accepted here.`,
            'x-hub-placeholder': true,
          };
        }
        ctx.report({
          ruleId: 'dangling-ref',
          severity: 'warn',
          message: `$ref ${JSON.stringify(ref)} (${count}×) points at nothing; ${patchable ? 'patched with a placeholder schema that accepts any value' : policy === 'quarantine' ? 'model quarantined' : 'left in place (not a local schema)'}`,
          pointer: patchable ? pointer('components', 'schemas', segs[2]!) : '',
        });
        if (!patchable) (src.doc as Record<string, unknown>)['x-hub-quarantined'] = `dangling $ref ${ref}`;
      }
    },
  };
}
