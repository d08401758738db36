import type { Diagnostic } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';
import type { FalModelItem } from './types.js';

/**
 * Read the `models[]` of one saved or received `GET /v1/models` page. Accepts
 * FAL's envelope `{models, next_cursor, has_more}` and the wrapper some scripts
 * save (`{generated_at, total_models, category, models}`). Items without a
 * string `endpoint_id` are reported and skipped.
 */
/** The cursor fields of a paged FAL response: `next_cursor` (absent or empty: none) and `has_more` (default: a cursor is there). */
export function readCursor(data: Record<string, unknown>): { nextCursor: string | null; hasMore: boolean } {
  const nextCursor = typeof data.next_cursor === 'string' && data.next_cursor !== '' ? data.next_cursor : null;
  return { nextCursor, hasMore: typeof data.has_more === 'boolean' ? data.has_more : nextCursor !== null };
}

export function readFalPage(data: unknown, file: string): { items: FalModelItem[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  if (!isObject(data) || !Array.isArray(data.models)) {
    problems.push({
      ruleId: 'fal-page-shape',
      severity: 'error',
      message: 'not a FAL /v1/models response: expected an object with a `models` array',
      file,
      pointer: '',
    });
    return { items: [], problems };
  }
  const items: FalModelItem[] = [];
  data.models.forEach((raw: unknown, i: number) => {
    if (!isObject(raw) || typeof raw.endpoint_id !== 'string' || raw.endpoint_id === '') {
      problems.push({
        ruleId: 'fal-page-shape',
        severity: 'error',
        message: 'model item has no string `endpoint_id`',
        file,
        pointer: pointer('models', i),
      });
      return;
    }
    items.push(raw as unknown as FalModelItem);
  });
  return { items, problems };
}
