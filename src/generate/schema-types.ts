import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import { cloneJson } from '../core/json.js';

/**
 * The options every generated `schema.d.ts` is made with. Kept in one place
 * because `--check` compares against exactly this output.
 */
export const OPENAPI_TS_OPTIONS = {
  silent: true,
  // openapi-typescript's default (true) makes every property with a `default`
  // required, even in a model's input schema (FAL inputs are components, so its
  // requestBody exemption does not apply): `fal.submit('fal-ai/flux/dev',
  // { prompt })` would not compile. A default means "may be left out".
  defaultNonNullable: false,
} as const satisfies OpenAPITSOptions;

/**
 * openapi-typescript types (`paths`, `components`, `operations`, ...) for the
 * whole document, as TypeScript declaration text.
 */
export async function emitSchemaTypes(doc: Record<string, unknown>, header: string): Promise<string> {
  // openapi-typescript bundles through Redocly; give it a copy so the caller's document is never touched.
  const ast = await openapiTS(cloneJson(doc) as unknown as OpenAPI3, OPENAPI_TS_OPTIONS);
  return header + astToString(ast).replace(/\r\n/g, '\n');
}
