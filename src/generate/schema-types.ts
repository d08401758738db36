import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import { cloneJson } from '../core/json.js';
import { scanDiscriminators as portedScan, type DiscriminatorHelpers } from './discriminators.js';
import { needsRedoclyPasses } from './schema-check.js';

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

type OpenApiTs = typeof import('openapi-typescript');
type Transform = Pick<OpenApiTs, 'astToString' | 'resolveRef' | 'scanDiscriminators' | 'transformSchema'>;

/** The openapi-typescript release whose modules `transformModules` loads one by one (package.json pins it). */
const KNOWN_VERSION = '7.13.0';

const require = createRequire(import.meta.url);
let transform: Transform | undefined;

/**
 * The four functions of openapi-typescript that turn a document into types,
 * loaded through its CommonJS build, and without its entry module:
 * - Its ESM build imports `typescript` (9 MB of CommonJS) from ESM, and Node
 *   then scans the whole file for export names (cjs-module-lexer), ~0.4 s;
 *   `require` skips that scan.
 * - Its entry loads all of `@redocly/openapi-core` (~0.4 s) for the lint and
 *   bundle passes that the common path does not run. The transform modules
 *   need only Redocly's ref-utils. The package exports them (`"./*"`).
 * Another release falls back to the entry: same functions, slower start.
 */
function transformModules(): Transform {
  if (transform) return transform;
  const { version } = require('openapi-typescript/package.json') as { version: string };
  if (version !== KNOWN_VERSION) {
    transform = require('openapi-typescript') as OpenApiTs;
    return transform;
  }
  const { resolveRef, createRef, warn } = require('openapi-typescript/dist/lib/utils.cjs') as Pick<OpenApiTs, 'resolveRef' | 'createRef' | 'warn'>;
  // The release's scan, ported with a walk that does not allocate a path per node (discriminators.ts).
  const helpers: DiscriminatorHelpers = { createRef, resolveRef: (schema, $ref, o) => resolveRef(schema as OpenAPI3, $ref, o), warn };
  const scanDiscriminators: OpenApiTs['scanDiscriminators'] = (schema, options) =>
    portedScan(schema as unknown as Record<string, unknown>, options, helpers) as unknown as ReturnType<OpenApiTs['scanDiscriminators']>;
  const { astToString } = require('openapi-typescript/dist/lib/ts.cjs') as Pick<OpenApiTs, 'astToString'>;
  const transformSchema = require('openapi-typescript/dist/transform/index.cjs') as OpenApiTs['transformSchema'];
  transform = { astToString, resolveRef, scanDiscriminators, transformSchema };
  return transform;
}

/** Load openapi-typescript's transform now (a thread that generates later warms up with it). */
export function preloadSchemaTypes(): void {
  transformModules();
}

/**
 * openapi-typescript types (`paths`, `components`, `operations`, ...) for the
 * whole document, as TypeScript declaration text: the output of
 * `openapiTS(doc, OPENAPI_TS_OPTIONS)`, byte for byte (schema-types.test.ts
 * compares the two).
 *
 * `openapiTS` makes two passes through Redocly before it transforms: a lint
 * with the `minimal` rules, then a bundle (~2 s on the unified document, and
 * ~0.4 s to load Redocly). For a document in the subset where neither can
 * change or refuse anything (`needsRedoclyPasses`: local `$ref`s that resolve,
 * unique operationIds, ...), as the unified document is, the transform runs on
 * the document directly. Any other document takes `openapiTS` itself.
 */
export async function emitSchemaTypes(doc: Record<string, unknown>, header: string, mutable = false): Promise<string> {
  // openapi-typescript rewrites discriminated schemas in place: it gets a copy, so the caller's document is never touched.
  const schema = (mutable ? doc : cloneJson(doc)) as unknown as OpenAPI3;
  if (needsRedoclyPasses(doc) !== undefined) {
    const oats = require('openapi-typescript') as OpenApiTs;
    return header + oats.astToString(await oats.default(schema, OPENAPI_TS_OPTIONS)).replace(/\r\n/g, '\n');
  }
  // The bundle's one change to such a document (its Root visitor): an empty `components` when there is none.
  schema.components ??= {};
  const oats = transformModules();
  const ast = oats.transformSchema(schema, transformContext(oats, schema, OPENAPI_TS_OPTIONS));
  return header + oats.astToString(ast).replace(/\r\n/g, '\n');
}

/**
 * The context `openapiTS()` (openapi-typescript 7.13, dist/index.mjs) builds
 * from its options, field for field. `redoc` (the Redocly config) is left out:
 * only the lint and bundle passes read it, never the transform.
 */
function transformContext(oats: Transform, schema: OpenAPI3, options: OpenAPITSOptions): GlobalContext {
  const silent = options.silent ?? false;
  const ctx: Omit<GlobalContext, 'redoc'> = {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: oats.scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: typeof options.postTransform === 'function' ? options.postTransform : undefined,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    silent,
    inject: options.inject ?? undefined,
    transform: typeof options.transform === 'function' ? options.transform : undefined,
    transformProperty: typeof options.transformProperty === 'function' ? options.transformProperty : undefined,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve<T>($ref: string): T | undefined {
      return oats.resolveRef<T>(schema, $ref, { silent });
    },
  };
  return ctx as GlobalContext;
}
