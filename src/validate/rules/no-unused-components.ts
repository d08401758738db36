import { pointer } from '../../core/pointer.js';
import { resolveRef } from '../refs/resolve.js';
import type { Rule } from './rule.js';
import { isRecord } from './util.js';

/** Components referenced by `$ref`; security schemes are used by name, not by ref, and are not counted. */
const KINDS_3 = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems', 'mediaTypes'];
const KINDS_2 = ['definitions', 'parameters', 'responses'];

/** A component no `$ref` (or discriminator mapping) points at: dead weight, or a forgotten reference. */
export const noUnusedComponents: Rule = {
  id: 'no-unused-components',
  severity: 'warn',
  description: 'Every component is referenced somewhere.',
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    /** Pointers of used components (`/components/schemas/Pet`), cut from the pointers refs resolve to. */
    const used = new Set<string>();
    const use = (ptr: string): void => {
      const depth = ptr.startsWith('/components/') ? 4 : 3;
      let end = -1;
      for (let i = 0, slashes = 0; i < ptr.length; i++) {
        if (ptr.charCodeAt(i) === 47 && ++slashes === depth) {
          end = i;
          break;
        }
      }
      used.add(end === -1 ? ptr : ptr.slice(0, end));
    };
    return {
      Ref(ref, _node, ctx) {
        const r = resolveRef(set, ctx.file, ref);
        if (r?.ok && r.file === set.root) use(r.pointer);
      },
      Discriminator(d) {
        if (!isRecord(d.mapping)) return;
        for (const v of Object.values(d.mapping)) {
          if (typeof v !== 'string') continue;
          if (/^[a-zA-Z0-9._-]+$/.test(v)) use(pointer('components', 'schemas', v));
          else {
            const r = resolveRef(set, set.root, v);
            if (r?.ok && r.file === set.root) use(r.pointer);
          }
        }
      },
      done() {
        const maps: Array<[string[], unknown]> =
          set.version === '2.0'
            ? KINDS_2.map((k) => [[k], root[k]])
            : isRecord(root.components)
              ? Object.entries(root.components)
                  .filter(([k]) => KINDS_3.includes(k))
                  .map(([k, v]) => [['components', k], v])
              : [];
        for (const [base, map] of maps) {
          if (!isRecord(map)) continue;
          for (const name of Object.keys(map)) {
            const ptr = pointer(...base, name);
            if (used.has(ptr)) continue;
            report({ file: set.root, pointer: ptr, message: `component \`${base[base.length - 1]}/${name}\` is never used` });
          }
        }
      },
    };
  },
};
