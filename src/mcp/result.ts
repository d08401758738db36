import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { HubError } from '../core/errors.js';
import { fitText } from './budget.js';

/** A successful tool result: one text block. */
export function textResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }] };
}

/** JSON without whitespace: the budget is in characters, and assistants read compact JSON well. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * An expected failure (unknown id, bad path, nothing priced…): `isError: true`
 * with text saying what to do, and the nearest matches when there are some.
 * Kept within the budget like every other result.
 */
export function errorResult(message: string, suggestions: readonly string[] = [], budget = 20_000): CallToolResult {
  let text = message;
  if (suggestions.length > 0) text += `\nNearest matches: ${suggestions.map((s) => JSON.stringify(s)).join(', ')}`;
  if (text.length > budget) text = fitText(text, 0, budget, () => 'The rest of this error message was left out.')?.text ?? text.slice(0, budget);
  return { content: [{ type: 'text', text }], isError: true };
}

/** A thrown error as a tool error: HubErrors carry their own actionable message; others are reported plainly. */
export function thrownResult(err: unknown, budget: number): CallToolResult {
  if (err instanceof HubError) return errorResult(err.message, [], budget);
  return errorResult(`Internal error: ${(err as Error)?.message ?? String(err)}`, [], budget);
}

/** Problems as `- file:line:col message [rule]` lines (file defaulting to `file`), for an error answer. */
export function problemLines(
  problems: ReadonlyArray<{ file?: string; line?: number; column?: number; message: string; ruleId?: string }>,
  file: string,
  withRule = true,
): string {
  return problems.map((p) => `- ${p.file ?? file}:${p.line ?? 1}:${p.column ?? 1} ${p.message}${withRule && p.ruleId ? ` [${p.ruleId}]` : ''}`).join('\n');
}
