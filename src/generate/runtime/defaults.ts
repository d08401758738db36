/** Default base URLs (docs/provider-apis.md §1.1 and §2.1). */
export const FAL_BASE_URL = 'https://queue.fal.run';
export const COMET_BASE_URL = 'https://api.cometapi.com';

/** Defaults of the runtime, also named in client.d.ts's comments. */
export const RUNTIME_DEFAULTS = {
  retries: 3,
  baseDelay: 1000,
  maxDelay: 30_000,
  falPollInterval: 500,
  falMaxPollInterval: 5000,
  taskPollInterval: 2000,
  taskMaxPollInterval: 10_000,
} as const;
