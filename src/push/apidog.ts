import { ExitCode, HubError } from '../core/errors.js';
import { parseRetryAfter } from '../core/retry-after.js';
import { withRetries, type RetryPolicy } from '../core/retry.js';
import type { Redactor } from '../core/redact.js';

/**
 * Apidog's public API (docs/provider-apis.md §3): Bearer token, and the one
 * supported version header, without which every call is a 422.
 */
export const APIDOG_BASE_URL = 'https://api.apidog.com';
export const APIDOG_API_VERSION = '2024-03-28';

export type ApidogOperation = 'import-openapi' | 'export-openapi';

export interface ApidogTarget {
  baseUrl: string;
  projectId: string;
  token: string;
  locale: string;
}

/** The hub's retry policy (core/retry.ts); a push gives the answer back when Apidog asks for a longer wait than `maxRetryAfter`. */
export type { RetryPolicy };

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelay: 1000, maxDelay: 30_000, maxRetryAfter: 120_000, longRetryAfter: 'stop' };

/** The retry policy with the overrides `.env.example` documents (API_HUB_RETRY_BASE_MS, _MAX_MS, _AFTER_MAX_MS). */
export function retryPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): RetryPolicy {
  const num = (name: string, fallback: number): number => {
    const v = env[name]?.trim();
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    retries: DEFAULT_RETRY.retries,
    baseDelay: num('API_HUB_RETRY_BASE_MS', DEFAULT_RETRY.baseDelay),
    maxDelay: num('API_HUB_RETRY_MAX_MS', DEFAULT_RETRY.maxDelay),
    maxRetryAfter: num('API_HUB_RETRY_AFTER_MAX_MS', DEFAULT_RETRY.maxRetryAfter),
    longRetryAfter: DEFAULT_RETRY.longRetryAfter,
  };
}

export interface RetryNotice {
  attempt: number;
  of: number;
  waitMs: number;
  /** What went wrong: `Apidog answered 503`, `cannot reach Apidog (ECONNREFUSED)`. */
  reason: string;
}

export interface HttpOptions {
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  /** Per attempt. Default 10 minutes: an import of a large document takes Apidog a while. */
  timeoutMs?: number;
  onRetry?: (notice: RetryNotice) => void;
  redact: Redactor;
}

export interface ApidogResponse {
  status: number;
  /** The body as text (not redacted: the caller parses it). */
  text: string;
  ms: number;
}

/** A refusal by Apidog (or no answer at all): exit 2, with the raw body, token redacted. */
export class ApidogError extends HubError {
  readonly status: number | undefined;
  /** The response body as Apidog sent it, with every secret redacted. */
  readonly body: string | undefined;

  constructor(message: string, status: number | undefined, body: string | undefined, cause?: unknown) {
    super(message, { exitCode: ExitCode.failure, ...(cause === undefined ? {} : { cause }) });
    this.name = 'ApidogError';
    this.status = status;
    this.body = body;
  }
}

export function apidogUrl(target: Pick<ApidogTarget, 'baseUrl' | 'projectId' | 'locale'>, operation: ApidogOperation): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  return `${base}/v1/projects/${encodeURIComponent(target.projectId)}/${operation}?locale=${encodeURIComponent(target.locale)}`;
}

/**
 * POST to Apidog with the version header. 429 and 5xx (and network errors)
 * are repeated with backoff, honouring Retry-After, but only when
 * `repeatable`: a 429 is always safe (refused before anything happened);
 * a 5xx or a dropped connection may come after the work was done, so it is
 * repeated only for calls whose effect does not change when done twice.
 */
export async function apidogPost(
  target: ApidogTarget,
  operation: ApidogOperation,
  body: string,
  repeatable: boolean,
  http: HttpOptions,
): Promise<ApidogResponse> {
  const url = apidogUrl(target, operation);
  const policy = http.retry ?? DEFAULT_RETRY;
  const doFetch = http.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const started = performance.now();
  let attempts = 0;
  const send = async (): Promise<Response> => {
    attempts++;
    const timeout = AbortSignal.timeout(http.timeoutMs ?? 600_000);
    const signal = http.signal ? AbortSignal.any([http.signal, timeout]) : timeout;
    try {
      return await doFetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${target.token}`,
          'X-Apidog-Api-Version': APIDOG_API_VERSION,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body,
        signal,
      });
    } catch (err) {
      throw http.signal?.aborted ? err : new Unreachable(networkReason(err, timeout.aborted), err);
    }
  };
  let response: Response;
  try {
    response = await withRetries(
      policy,
      {
        idempotent: repeatable,
        signal: http.signal,
        onRetry: (e) => {
          const reason = e.error instanceof Unreachable ? `cannot reach Apidog (${e.error.reason})` : `Apidog answered ${e.status ?? '?'}`;
          http.onRetry?.({ attempt: e.retry + 1, of: policy.retries + 1, waitMs: e.waitMs, reason });
        },
      },
      send,
    );
  } catch (err) {
    if (err instanceof Unreachable)
      throw new ApidogError(http.redact(`cannot reach Apidog at ${target.baseUrl}: ${err.reason}`), undefined, undefined, err.cause);
    throw err;
  }
  const text = await response.text();
  const status = response.status;
  if (response.ok) return { status, text, ms: Math.round(performance.now() - started) };
  throw explain(status, text, target, operation, http.redact, attempts);
}

/** An attempt that got no answer, with the reason shown to the user. */
class Unreachable extends Error {
  readonly reason: string;
  constructor(reason: string, cause: unknown) {
    super(reason, { cause });
    this.reason = reason;
  }
}

/** Retry-After: delay-seconds or an HTTP date (RFC 9110 §10.2.3); absent or malformed is undefined. */
export function retryAfterMs(value: string | null): number | undefined {
  return value === null ? undefined : parseRetryAfter(value, Date.now());
}

function networkReason(err: unknown, timedOut: boolean): string {
  if (timedOut) return 'no answer before the timeout';
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}

/** Longest error body shown as it came. */
const BODY_LIMIT = 4000;

/** What a refusal means, per status (docs/provider-apis.md §3.1-3.2), with the raw body. */
export function explain(status: number, text: string, target: ApidogTarget, operation: ApidogOperation, redact: Redactor, attempts = 1): ApidogError {
  const project = `project ${target.projectId}`;
  const why: Record<number, string> = {
    401: 'Apidog rejected the access token (401). Check APIDOG_ACCESS_TOKEN: it may be wrong, revoked or expired. Create one in Apidog under Avatar > Account Settings > API Access Token.',
    403: `the token has no permission on ${project} (403). The token must belong to a member of the project's team with edit rights; users report that account tokens can get "No project guest privilege" where a team token works.`,
    404: `Apidog has no ${project} (404). Check APIDOG_PROJECT_ID (the number in the project's URL) and APIDOG_API_BASE_URL (${target.baseUrl}).`,
    422: `Apidog refused the request (422). Either the X-Apidog-Api-Version header (sent: ${APIDOG_API_VERSION}, the only documented version) is no longer accepted, or Apidog could not read the ${operation === 'import-openapi' ? 'document' : 'export options'}: see the body below.`,
    429: 'Apidog is rate limiting (429) and still was after the retries; try again later.',
  };
  const generic =
    status >= 500
      ? `Apidog failed with ${status}${attempts > 1 ? ` after ${attempts} attempts` : ''}; try again later.`
      : `Apidog refused the request with ${status}.`;
  const shown = text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}\n... (${text.length - BODY_LIMIT} more characters)` : text;
  const body = redact(shown);
  const message = `${operation} failed: ${why[status] ?? generic}\nApidog's answer (${status}): ${body.trim() === '' ? '(empty body)' : body}`;
  return new ApidogError(redact(message), status, redact(text));
}
