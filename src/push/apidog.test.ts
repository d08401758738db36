import { describe, expect, it } from 'vitest';
import { APIDOG_API_VERSION, apidogUrl, explain, retryAfterMs, retryPolicyFromEnv, DEFAULT_RETRY } from './apidog.js';
import { makeRedactor, REDACTED } from '../core/redact.js';

const target = { baseUrl: 'https://api.apidog.com/', projectId: '12 34', token: 'secret-token-1234', locale: 'en-US' };

describe('apidog helpers', () => {
  it('builds the documented URL', () => {
    expect(apidogUrl(target, 'import-openapi')).toBe('https://api.apidog.com/v1/projects/12%2034/import-openapi?locale=en-US');
    expect(APIDOG_API_VERSION).toBe('2024-03-28');
  });

  it.each([
    [null, undefined],
    ['', undefined],
    ['3', 3000],
    [' 0 ', 0],
    ['soon', undefined],
  ])('Retry-After %j is %j ms', (value, want) => {
    expect(retryAfterMs(value)).toBe(want);
  });

  it.each(['1.5', '-5'])('a malformed Retry-After %j is undefined (not a date in 2001)', (value) => {
    expect(retryAfterMs(value)).toBeUndefined();
  });

  it('Retry-After as an HTTP date is the time until then', () => {
    const ms = retryAfterMs(new Date(Date.now() + 10_000).toUTCString()) ?? -1;
    expect(ms).toBeGreaterThan(8000);
    expect(ms).toBeLessThanOrEqual(10_000);
    expect(retryAfterMs(new Date(0).toUTCString())).toBe(0);
  });

  it('retry settings come from the documented environment variables', () => {
    expect(retryPolicyFromEnv({})).toEqual(DEFAULT_RETRY);
    expect(retryPolicyFromEnv({ API_HUB_RETRY_BASE_MS: '5', API_HUB_RETRY_MAX_MS: 'x', API_HUB_RETRY_AFTER_MAX_MS: '100' })).toEqual({
      ...DEFAULT_RETRY,
      baseDelay: 5,
      maxRetryAfter: 100,
    });
  });

  it.each([
    [401, 'Apidog rejected the access token (401)'],
    [403, 'the token has no permission on project 12 34 (403)'],
    [404, 'Apidog has no project 12 34 (404)'],
    [422, 'X-Apidog-Api-Version header (sent: 2024-03-28'],
    [400, 'Apidog refused the request with 400.'],
    [503, 'Apidog failed with 503; try again later.'],
  ])('%i is explained, exit 2, with the raw body redacted', (status, text) => {
    const redact = makeRedactor([target.token]);
    const e = explain(status, `{"msg":"token ${target.token} is bad"}`, target, 'import-openapi', redact);
    expect(e.exitCode).toBe(2);
    expect(e.status).toBe(status);
    expect(e.message).toContain(text);
    expect(e.message).toContain(`{"msg":"token ${REDACTED} is bad"}`);
    expect(e.body).toBe(`{"msg":"token ${REDACTED} is bad"}`);
    expect(e.message).not.toContain(target.token);
  });

  it('a long body is cut, saying how much was left out', () => {
    const e = explain(500, 'x'.repeat(5000), target, 'export-openapi', (t) => t);
    expect(e.message).toContain('... (1000 more characters)');
  });
});
