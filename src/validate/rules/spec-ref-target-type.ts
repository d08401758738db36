import { parsePointer } from '../../core/pointer.js';
import { typeAtPath, type NodeType } from '../oas-types.js';
import { resolveRef } from '../refs/resolve.js';
import type { SourceFile } from '../types.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/** Names of the objects as the specification writes them. */
const NAMES: Partial<Record<NodeType, string>> = {
  Root: 'OpenAPI Object',
  ExternalDocs: 'External Documentation Object',
  OAuthFlows: 'OAuth Flows Object',
  OAuthFlow: 'OAuth Flow Object',
  XML: 'XML Object',
};
const objectName = (t: NodeType): string => NAMES[t] ?? `${t.replace(/([a-z])([A-Z])/g, '$1 $2')} Object`;

/**
 * A `$ref` stands for an object of the kind its place holds: a Path Item `$ref` "MUST be in the
 * form of a Path Item Object" (2.0 §Path Item Object, https://spec.openapis.org/oas/v2.0.html#path-item-object;
 * 3.x §Path Item Object `$ref`), and a Reference Object in a place of type X (a parameters list,
 * a response, a schema, ...) refers to an X Object. When its target lies at a place of the
 * description whose type is known by position (`#/components/schemas/...`, `#/definitions/...`,
 * `#/paths/...`) and that type differs, the same object is read as two kinds: "implementation
 * defined, and MAY be treated as an error" (3.1.1+ §Structural Interoperability,
 * https://spec.openapis.org/oas/v3.1.1.html#structural-interoperability); it is reported as one,
 * since the reader of the place gets an object of the wrong kind (a Schema where a Path Item is
 * expected passes every other check in silence). Targets in places without a type (another
 * file that is not an OpenAPI document, an `x-` extension) are checked by `struct` as the kind
 * the place holds; refs that do not resolve are no-unresolved-refs'.
 */
export const specRefTargetType: Rule = {
  id: 'spec-ref-target-type',
  severity: 'error',
  description:
    'A `$ref` points to an object of the kind its place holds (a parameters list to a Parameter, a schema to a Schema, ...), judged by where the target lies.',
  create: ({ set, report }) => {
    /** Per file, the type at each target pointer (null: untyped); computed once per distinct target. */
    const typed = new Map<SourceFile, Map<string, NodeType | null>>();
    const isDocument = (file: SourceFile): boolean =>
      file === set.root || (isRecord(file.data) && (Object.hasOwn(file.data, 'openapi') || Object.hasOwn(file.data, 'swagger')));
    const typeOf = (file: SourceFile, ptr: string): NodeType | null => {
      let m = typed.get(file);
      if (!m) typed.set(file, (m = new Map()));
      let t = m.get(ptr);
      if (t === undefined) {
        const found = isDocument(file) ? typeAtPath(parsePointer(ptr), set.version) : undefined;
        t = found === undefined || found === 'Data' ? null : found;
        m.set(ptr, t);
      }
      return t;
    };
    return {
      Ref(ref, _node, ctx, type) {
        if (type === undefined) return;
        const r = resolveRef(set, ctx.file, ref);
        if (!r?.ok) return;
        const target = typeOf(r.file, r.pointer);
        if (target === null || target === type) return;
        report({
          file: ctx.file,
          pointer: at(ctx, '$ref'),
          message: `this place holds a ${objectName(type)}, but \`$ref\` points to \`${ref}\`, which is a ${objectName(target)}`,
          suggestion: `Point the \`$ref\` at a ${objectName(type)}.`,
        });
      },
    };
  },
};
