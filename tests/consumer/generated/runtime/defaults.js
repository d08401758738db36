/* api-hub generate: from src/generate/runtime/defaults.ts; do not edit. */
export const FAL_BASE_URL = 'https://queue.fal.run';
export const COMET_BASE_URL = 'https://api.cometapi.com';
export const RUNTIME_DEFAULTS = {
  retries: 3,
  baseDelay: 1000,
  maxDelay: 30_000,
  falPollInterval: 500,
  falMaxPollInterval: 5000,
  taskPollInterval: 2000,
  taskMaxPollInterval: 10_000,
};
