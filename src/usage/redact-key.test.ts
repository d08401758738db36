import { describe, expect, it } from 'vitest';
import { urlKeyRedactor } from './redact-key.js';

describe('urlKeyRedactor', () => {
  it('takes a key out of a URL in every encoding', () => {
    const key = 'sk-CANARY+/= key';
    const redact = urlKeyRedactor([key]);
    const u = new URL('https://query.cometapi.com/user/quota');
    u.searchParams.set('key', key);
    expect(redact(`GET ${u.toString()}`)).toBe('GET https://query.cometapi.com/user/quota?key=[redacted]');
    expect(redact(`GET /user/quota?key=${encodeURIComponent(key)}`)).toBe('GET /user/quota?key=[redacted]');
    expect(redact(`said ${key}`)).toBe('said [redacted]');
  });
});
