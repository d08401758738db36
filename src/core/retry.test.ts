import { describe, expect, it } from 'vitest';
import type { RetryEvent, RetryPolicy, RetryableResponse } from './retry.js';
import { backoffDelay, isIdempotentMethod, isRetryableStatus, retryWait, sleep, withRetries } from './retry.js';

const policy: RetryPolicy = { retries: 3, baseDelay: 1, maxDelay: 4, maxRetryAfter: 50, longRetryAfter: 'stop' };

function answer(status: number, retryAfter?: string): RetryableResponse {
  return { status, headers: { get: (name) => (name === 'retry-after' ? (retryAfter ?? null) : null) } };
}

/** Run the loop over a list of answers (an Error is thrown by its attempt); the statuses seen and the repeats. */
async function run(
  answers: Array<number | Error>,
  idempotent: boolean,
  p: RetryPolicy = policy,
): Promise<{ calls: number; result: number | string; events: RetryEvent[] }> {
  const events: RetryEvent[] = [];
  let calls = 0;
  try {
    const r = await withRetries(p, { idempotent, onRetry: (e) => events.push(e), random: () => 0 }, async () => {
      const a = answers[Math.min(calls++, answers.length - 1)];
      if (a instanceof Error) throw a;
      return answer(a ?? 200);
    });
    return { calls, result: r.status, events };
  } catch (err) {
    return { calls, result: (err as Error).message, events };
  }
}

describe('the retry policy', () => {
  it.each([
    [429, false, true],
    [503, false, false],
    [500, true, true],
    [502, true, true],
    [504, true, true],
    [501, true, false],
    [404, true, false],
  ])('status %i, idempotent %s: repeated %s', (status, idempotent, want) => {
    expect(isRetryableStatus(status, idempotent)).toBe(want);
  });

  it.each([
    ['GET', true],
    ['put', true],
    ['DELETE', true],
    ['POST', false],
    ['PATCH', false],
  ])('%s is idempotent: %s', (method, want) => {
    expect(isIdempotentMethod(method)).toBe(want);
  });

  it('backoff doubles per attempt up to maxDelay, jittered between half and all of it', () => {
    const p = { baseDelay: 100, maxDelay: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(p, n, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(p, n, () => 0))).toEqual([50, 100, 200, 400, 500]);
  });

  it.each([
    ['no header: backoff', null, 'stop', 2],
    ['seconds', '0', 'stop', 0],
    ['garbage: backoff', 'soon', 'stop', 2],
    ['over the limit, stop', '3600', 'stop', undefined],
    ['over the limit, cap', '3600', 'cap', 50],
  ] as const)('Retry-After %s', (_name, header, long, want) => {
    expect(retryWait({ ...policy, baseDelay: 4, longRetryAfter: long }, 0, header, () => 0)).toBe(want);
  });

  it.each([
    ['GET: 503 twice, then 200', [503, 503, 200], true, 3, 200],
    ['POST: 503 is final', [503, 200], false, 1, 503],
    ['POST: 429 is repeated', [429, 200], false, 2, 200],
    ['GET: the last answer is returned after the retries', [503], true, 4, 503],
    ['GET: a network error is repeated', [new Error('reset'), 200], true, 2, 200],
    ['POST: a network error is thrown at once', [new Error('reset'), 200], false, 1, 'reset'],
    ['GET: a 400 is final', [400, 200], true, 1, 400],
  ] as const)('%s', async (_name, answers, idempotent, calls, result) => {
    const r = await run([...answers], idempotent);
    expect(r.calls).toBe(calls);
    expect(r.result).toBe(result);
    expect(r.events).toHaveLength(calls - 1);
  });

  it('a Retry-After over the limit gives the answer back with stop, and waits the cap with cap', async () => {
    let calls = 0;
    const send = async (): Promise<RetryableResponse> => (calls++ === 0 ? answer(429, '3600') : answer(200));
    expect((await withRetries(policy, { idempotent: true }, send)).status).toBe(429);
    calls = 0;
    const events: RetryEvent[] = [];
    expect((await withRetries({ ...policy, longRetryAfter: 'cap' }, { idempotent: true, onRetry: (e) => events.push(e) }, send)).status).toBe(200);
    expect(events).toEqual([{ retry: 1, waitMs: 50, status: 429 }]);
  });

  it('isFinalError and isFinalResponse end the loop', async () => {
    const final = new Error('too large');
    await expect(withRetries(policy, { idempotent: true, isFinalError: (e) => e === final }, () => Promise.reject(final))).rejects.toBe(final);
    const r = await withRetries(policy, { idempotent: true, isFinalResponse: (res) => res.status === 504 }, async () => answer(504));
    expect(r.status).toBe(504);
  });

  it('an aborted signal ends a wait with its reason', async () => {
    const controller = new AbortController();
    const pending = withRetries({ ...policy, baseDelay: 60_000, maxDelay: 60_000 }, { idempotent: true, signal: controller.signal }, async () => answer(503));
    setTimeout(() => controller.abort(new Error('stop now')), 10);
    await expect(pending).rejects.toThrow('stop now');
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
