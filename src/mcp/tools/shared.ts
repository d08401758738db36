import { z } from 'zod';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { ToolContext } from '../context.js';
import { thrownResult } from '../result.js';
import { fitText } from '../budget.js';

/** Read-only tools: they look at the committed registry and spec, and never change anything. */
export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

export const offsetField = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('Where to start: 0 (the default) for the first page; a previous result\'s "nextOffset" for the next one.');

export const limitField = (dflt: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .describe(
      `How many items at most (default ${dflt}, at most ${max}); a page may hold fewer so that it fits the result size budget, and then says where the next one starts.`,
    );

export const depthField = z
  .number()
  .int()
  .min(0)
  .max(8)
  .optional()
  .describe(
    'How many levels of nested $refs to inline into the schemas (default 3, 0-8). Deeper and recursive refs point to "#/$defs/<Name>", whose targets are included, so the result is always self-contained.',
  );

/** Runs a handler, turning anything it throws into an isError result (and one stderr line). */
export async function guarded(ctx: ToolContext, tool: string, run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return withinBudget(await run(), ctx.budget);
  } catch (err) {
    ctx.log(`${tool}: ${(err as Error)?.message ?? String(err)}`);
    return thrownResult(err, ctx.budget);
  }
}

/**
 * The safety net under every tool: a text block over the budget (which the
 * tools themselves avoid by paging) is cut with a note saying so, never silently.
 */
export function withinBudget(result: CallToolResult, budget: number): CallToolResult {
  const content = result.content.map((c) => {
    if (c.type !== 'text' || c.text.length <= budget) return c;
    const page = fitText(c.text, 0, budget, () => 'The rest was left out: narrow the request (filters, section, smaller limit) to see it.');
    return { ...c, text: page?.text ?? c.text.slice(0, budget) };
  });
  return { ...result, content };
}
