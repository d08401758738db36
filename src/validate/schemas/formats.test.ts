import { describe, expect, it } from 'vitest';
import { formats } from './formats.js';

describe('media-range', () => {
  const check = formats['media-range']!;

  it('accepts a media type or range, with parameters', () => {
    expect(check('application/json')).toBe(true);
    expect(check('image/*')).toBe(true);
    expect(check('*/*')).toBe(true);
    expect(check('application/xml; charset=utf-8')).toBe(true);
  });

  it('accepts a comma-separated list (an Encoding Object contentType, e.g. in the OAI suite)', () => {
    expect(check('image/png, image/jpeg')).toBe(true);
    expect(check('application/json,text/plain; charset=utf-8')).toBe(true);
  });

  it('rejects what is not a media type', () => {
    expect(check('json')).toBe(false);
    expect(check('application/json,')).toBe(false);
    expect(check('image/png, jpeg')).toBe(false);
    expect(check('')).toBe(false);
  });
});
