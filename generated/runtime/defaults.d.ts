/* api-hub generate: from src/generate/runtime/defaults.ts; do not edit. */
/** Default base URLs (docs/provider-apis.md §1.1 and §2.1). */
export declare const FAL_BASE_URL = "https://queue.fal.run";
export declare const COMET_BASE_URL = "https://api.cometapi.com";
/** Defaults of the runtime, also named in client.d.ts's comments. */
export declare const RUNTIME_DEFAULTS: {
    readonly retries: 3;
    readonly baseDelay: 1000;
    readonly maxDelay: 30000;
    readonly falPollInterval: 500;
    readonly falMaxPollInterval: 5000;
    readonly taskPollInterval: 2000;
    readonly taskMaxPollInterval: 10000;
};
