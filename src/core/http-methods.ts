/**
 * The one table of HTTP methods that are Path Item fields holding an Operation,
 * in the specification's order. `query` is OpenAPI 3.2's (the QUERY method);
 * 3.0 and 3.1 documents have the first eight.
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The methods of OpenAPI 3.0 / 3.1 (and Swagger 2.0 minus trace): every one but `query`. */
export const OAS31_HTTP_METHODS: readonly Exclude<HttpMethod, 'query'>[] = HTTP_METHODS.filter((m): m is Exclude<HttpMethod, 'query'> => m !== 'query');

/** The same, for membership tests. */
export const HTTP_METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);

export function isHttpMethod(value: string): value is HttpMethod {
  return HTTP_METHOD_SET.has(value);
}
