import type { HttpMethod, Inventory } from './operations.js';
import { hasJsonRequestBody } from './operations.js';

/**
 * Convenience methods on the Comet client, e.g. `comet.chat.completions(body)`
 * for `POST /v1/chat/completions`. Each is generated only when the document
 * has the operation with a JSON request body, so the generated types always
 * resolve. Later shortcuts (images, embeddings, task APIs) are rows here.
 */
export interface CometShortcut {
  /** `comet.<group>.<name>(body, init?)` */
  group: string;
  name: string;
  method: HttpMethod;
  path: string;
  /** Name of the exported request-body type in client.d.ts. */
  bodyType: string;
}

export const COMET_SHORTCUTS: readonly CometShortcut[] = [
  { group: 'chat', name: 'completions', method: 'post', path: '/v1/chat/completions', bodyType: 'CometChatCompletionsBody' },
];

export function availableShortcuts(doc: Record<string, unknown>, inventory: Inventory): CometShortcut[] {
  return COMET_SHORTCUTS.filter((s) => {
    const op = inventory.comet.find((o) => o.path === s.path && o.method === s.method);
    return op !== undefined && hasJsonRequestBody(doc, op);
  });
}
