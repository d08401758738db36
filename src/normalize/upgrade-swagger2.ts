import type { Obj } from './types.js';

/**
 * Swagger 2.0 -> OpenAPI 3.0 with swagger2openapi (Mermade oas-kit, the
 * converter behind APIs.guru's 2.0 corpus), with `patch` on so that minor
 * errors of the source are fixed rather than fatal. The result is 3.0.0;
 * the upgrade-to-3.1 pass takes it on to 3.1. Refs are not resolved here:
 * multi-file sources are bundled first.
 */
export async function upgradeSwagger2(doc: Obj): Promise<{ doc: Obj; patches: number }> {
  // Loaded only when a 2.0 document is built: it costs 130 ms of start-up.
  const { convertObj } = await import('swagger2openapi');
  const options = await convertObj(doc as never, { patch: true, warnOnly: true, resolve: false, direct: false } as never);
  const out = (options as unknown as { openapi: Obj; patches?: number }).openapi;
  return { doc: out, patches: (options as unknown as { patches?: number }).patches ?? 0 };
}
