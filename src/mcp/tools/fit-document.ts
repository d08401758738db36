import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fitText } from '../budget.js';
import { errorResult, json, textResult } from '../result.js';

/**
 * One document-like result within the budget. The document is built at the
 * requested inline depth; when that is over the budget, at smaller depths
 * (the result says so in `budgetNote`); when even depth 0 is over, its text
 * is paged by character offset, with a note naming the next offset. The
 * choice does not depend on `offset`, so every page comes from the same text.
 */
export function fitDocument(
  build: (depth: number, budgetNote: string | undefined) => unknown,
  requestedDepth: number,
  budget: number,
  offset: number,
  continueHint: (nextOffset: number) => string,
): CallToolResult {
  for (let d = requestedDepth; d >= 0; d--) {
    const note =
      d < requestedDepth
        ? `Schemas are inlined to depth ${d} instead of ${requestedDepth} so that the result fits the ${budget}-character budget; deeper refs point into "$defs".`
        : undefined;
    const text = json(build(d, note));
    if (text.length <= budget) {
      if (offset > 0)
        return errorResult(`offset ${offset} is past the end: this result fits in one page (${text.length} characters); call without offset.`, [], budget);
      return textResult(text);
    }
  }
  const text = json(
    build(
      0,
      requestedDepth > 0
        ? `Schemas are inlined to depth 0 (the most compact form) instead of ${requestedDepth}; even so the result is larger than the ${budget}-character budget, so it comes in parts.`
        : undefined,
    ),
  );
  const page = fitText(text, offset, budget, continueHint);
  if (!page) return errorResult(`offset ${offset} is past the end of this result (${text.length} characters).`, [], budget);
  return textResult(page.text);
}
