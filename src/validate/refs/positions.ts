import { HTTP_METHOD_SET } from '../oas-types.js';
import type { Segment } from '../walk.js';

/** `/paths/{path}/{method}` or `/webhooks/{name}/{method}` in a root document. */
export function isOperationPosition(segments: readonly Segment[]): boolean {
  if (segments.length !== 3) return false;
  const [top, , method] = segments;
  return (top === 'paths' || top === 'webhooks') && typeof method === 'string' && HTTP_METHOD_SET.has(method);
}

/** A `$ref` standing for a whole `properties` / `patternProperties` map (JSON Schema reads it as a property named `$ref`). */
export function isNameMapPosition(segments: readonly Segment[]): boolean {
  const last = segments[segments.length - 1];
  return last === 'properties' || last === 'patternProperties';
}
