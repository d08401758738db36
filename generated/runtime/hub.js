/* api-hub generate: from src/generate/runtime/hub.ts; do not edit. */
import { createFalClient } from './fal.js';
export function createHubClient(options, createComet) {
  const shared = { ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(options.retry === undefined ? {} : { retry: options.retry }) };
  return {
    comet: createComet({ ...shared, ...options.comet }),
    fal: createFalClient({ ...shared, ...options.fal }),
  };
}
