import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isObject } from '../core/json.js';
import type { PushFn, PushRequest } from './context.js';

/**
 * `api-hub push` is built separately (src/push/). Until it exists, the
 * `push_to_apidog` tool says so instead of pushing. The module is found at run
 * time (no static import, so this compiles without it) and used when it
 * exports `pushDocument(request: PushRequest): Promise<unknown>`.
 */
export async function loadPushModule(): Promise<PushFn | undefined> {
  const url = new URL('../push/index.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  const specifier = url.href;
  const mod: unknown = await import(specifier);
  if (!isObject(mod) || typeof mod.pushDocument !== 'function') {
    throw new Error('src/push is present but exports no pushDocument(request) function for the MCP server to call; the push tool cannot run yet.');
  }
  const fn = mod.pushDocument as (request: PushRequest) => Promise<unknown>;
  return (request) => fn(request);
}
