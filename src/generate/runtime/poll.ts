import { sleep } from '../../core/retry.js';

/** Options of the helpers that poll until a job ends. */
export interface PollOptions {
  /** Stops the polling (and the request in flight): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** First wait between polls in ms; each next wait is 1.5 times longer. */
  pollInterval?: number;
  /** Longest wait between polls in ms. */
  maxPollInterval?: number;
}

/** Call `step()` until `done(value)`; the waits start at `pollInterval` and grow x1.5 up to `maxPollInterval`. */
export async function poll<T>(step: () => Promise<T>, done: (value: T) => boolean, options: PollOptions, interval: number, maxInterval: number): Promise<T> {
  let wait = options.pollInterval ?? interval;
  const max = Math.max(wait, options.maxPollInterval ?? maxInterval);
  for (;;) {
    const value = await step();
    if (done(value)) return value;
    await sleep(wait, options.signal);
    wait = Math.min(wait * 1.5, max);
  }
}
