import { describe, expect, it } from 'vitest';
import { baseUrlFromEnv, checkBaseUrl, isLoopbackHost } from './base-url.js';

describe('checkBaseUrl', () => {
  it.each([
    ['https://api.fal.ai/', 'https://api.fal.ai'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/v1/', 'http://localhost:8080/v1'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
  ])('accepts %s', (input, want) => expect(checkBaseUrl(input, 'FAL_API_BASE_URL')).toBe(want));

  it.each([
    ['http://api.fal.ai', /FAL_API_BASE_URL is "http:\/\/api\.fal\.ai": a key is sent only over https/],
    ['http://10.0.0.5:8080', /only over https/],
    ['http://127.0.0.1.evil.example', /only over https/],
    ['ftp://x', /must be an http\(s\) URL/],
    ['https://user:pw@api.fal.ai', /must not carry credentials/],
    ['not a url', /is not a URL/],
  ])('refuses %s, naming the variable', (input, message) => expect(() => checkBaseUrl(input, 'FAL_API_BASE_URL')).toThrow(message));

  it('lets plain http through when no key is sent', () => {
    expect(checkBaseUrl('http://mirror.example', 'FAL_API_BASE_URL', false)).toBe('http://mirror.example');
  });

  it('reads the environment, with the default when unset', () => {
    expect(baseUrlFromEnv({}, 'APIDOG_API_BASE_URL', 'https://api.apidog.com')).toBe('https://api.apidog.com');
    expect(() => baseUrlFromEnv({ APIDOG_API_BASE_URL: 'http://apidog.internal' }, 'APIDOG_API_BASE_URL', 'x')).toThrow(/APIDOG_API_BASE_URL/);
  });

  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['a.localhost', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['localhost.com', false],
    ['128.0.0.1', false],
  ])('isLoopbackHost(%s) = %s', (h, want) => expect(isLoopbackHost(h)).toBe(want));
});
