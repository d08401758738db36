// Types of make-synthetic-spec.mjs, for the tests that build large descriptions with it.
export function makeSyntheticSpec(options?: { paths?: number }): Record<string, unknown>;
export function writeSyntheticSpec(options?: { paths?: number; format?: 'yaml' | 'json'; out?: string }): string;
