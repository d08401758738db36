import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, OAS31_HTTP_METHODS, isHttpMethod } from './http-methods.js';

describe('the HTTP method table', () => {
  it('has the eight OpenAPI 3.1 methods and 3.2 query, in the specification order', () => {
    expect(HTTP_METHODS).toEqual(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
    expect(OAS31_HTTP_METHODS).toEqual(HTTP_METHODS.slice(0, 8));
  });

  it.each([
    ['get', true],
    ['query', true],
    ['GET', false],
    ['parameters', false],
    ['x-hub-source', false],
  ])('%s is a method: %s', (value, want) => {
    expect(isHttpMethod(value)).toBe(want);
  });
});
