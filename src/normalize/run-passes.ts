import { forEachSchema } from './schema-walk.js';
import type { Pass, PassContext, SchemaPassVisitor, SourceDocument } from './types.js';

/**
 * Run passes, in order, on one document. Consecutive schema passes share one
 * walk over the document's schemas: at every schema each pass's visitor runs
 * in pass order before the walk goes on to the children, so the result is the
 * same as running them one after the other, with one walk instead of several.
 */
export function runPasses(passes: readonly Pass[], src: SourceDocument, ctx: PassContext): void {
  let group: SchemaPassVisitor[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const visitors = group;
    group = [];
    forEachSchema(src.doc, (schema, ptr) => {
      for (const v of visitors) v.schema(schema, ptr);
    });
    for (const v of visitors) v.leave?.();
  };
  for (const pass of passes) {
    if (pass.providers && !pass.providers.includes(src.provider)) continue;
    if (pass.schemas) {
      const v = pass.schemas(src, ctx);
      if (v) group.push(v);
      continue;
    }
    flush();
    pass.run(src, ctx);
  }
  flush();
}
