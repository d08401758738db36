import { HubError } from '../core/errors.js';

/**
 * `API_HUB_THREADS`: how many threads validate and `npm start` may use. Unset or empty: the
 * default (start generates on a thread of its own; validate checks a large document's structure
 * on a second thread only when the machine has more than two CPUs, see validate/struct/parallel.ts).
 * `0` or `1`: everything on the one thread (false). `2` or more: the second thread for validate
 * too, whatever the machine (true).
 */
export function threadsSetting(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/.test(value))
    throw new HubError(`API_HUB_THREADS must be a whole number (0 or 1: one thread; 2 or more: a second thread), not \`${value}\``);
  return Number(value) >= 2;
}

/** The `parallel` option of a validation for a setting: absent when unset (the validator's default). */
export function threadOption(setting: boolean | undefined): { parallel?: boolean } {
  return setting === undefined ? {} : { parallel: setting };
}
