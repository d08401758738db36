import { childPointer } from '../../core/pointer.js';
import { checkExample } from '../examples/check-example.js';
import type { WalkContext } from '../walk.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * A Media Type's `example` and `examples` values match its `schema` (OpenAPI:
 * the example "SHOULD match the specified schema"; hence a warning). For 2.0,
 * a Response's `examples` by media type, against its `schema`.
 */
export const noInvalidMediaTypeExamples: Rule = {
  id: 'no-invalid-media-type-examples',
  severity: 'warn',
  description: 'Media type examples match their schema.',
  create: ({ report }) => ({
    MediaType(media, ctx) {
      checkExamples(media, ctx, report, 'example');
    },
    Response(response, ctx) {
      if (ctx.set.version !== '2.0' || !isRecord(response.examples) || response.schema === undefined) return;
      for (const [type, value] of Object.entries(response.examples)) {
        if (!/json/i.test(type)) continue; // other media types are strings in their own syntax
        const p = checkExample(
          ctx,
          { value: response.schema, file: ctx.file },
          { value, file: ctx.file, pointer: () => at(ctx, 'examples', type) },
          `the \`${type}\` example`,
        );
        if (p) report(p);
      }
    },
  }),
};

/** `example` and each `examples` entry (an Example Object, maybe a $ref) of a Media Type, Parameter or Header, against its `schema`. */
export function checkExamples(
  node: Record<string, unknown>,
  ctx: WalkContext,
  report: (p: { file: WalkContext['file']; pointer: string; message: string }) => void,
  noun: string,
): void {
  if (node.schema === undefined) return;
  const schema = { value: node.schema, file: ctx.file };
  if (node.example !== undefined) {
    const p = checkExample(ctx, schema, { value: node.example, file: ctx.file, pointer: () => at(ctx, 'example') }, `the ${noun}`);
    if (p) report(p);
  }
  if (!isRecord(node.examples)) return;
  for (const [name, entry] of Object.entries(node.examples)) {
    const ex = ctx.resolve(entry, '', ctx.file);
    if (!ex || !isRecord(ex.value) || !('value' in ex.value)) continue;
    const where = ex.value === entry ? (): string => at(ctx, 'examples', name, 'value') : (): string => childPointer(ex.pointer, 'value');
    const p = checkExample(ctx, schema, { value: ex.value.value, file: ex.file, pointer: where }, `${noun} \`${name}\``);
    if (p) report(p);
  }
}
