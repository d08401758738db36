import type { Change } from './types.js';

/**
 * What a breaking change does to a caller of one model, for the drift report:
 * its input gained a required property, lost a property or an enum value, or
 * was narrowed; its output lost or retyped something; or an operation went.
 */
export type Impact = 'input-required' | 'input-enum-removed' | 'input-removed' | 'input-narrowed' | 'output-lost' | 'output-retyped' | 'operation-removed';

/** The impact of one change, or undefined when it breaks no caller. */
export function impactOf(c: Change): Impact | undefined {
  if (!c.breaking) return undefined;
  switch (c.kind) {
    case 'property-added':
    case 'property-required':
    case 'parameter-added':
    case 'parameter-required':
    case 'request-body-required':
      return 'input-required';
    case 'enum-value-removed':
      return c.direction === 'request' ? 'input-enum-removed' : undefined;
    case 'property-removed':
    case 'parameter-removed':
    case 'media-type-removed':
    case 'response-removed':
      return c.direction === 'request' ? 'input-removed' : 'output-lost';
    case 'type-changed':
      return c.direction === 'request' ? 'input-narrowed' : 'output-retyped';
    case 'constraint-narrowed':
      return c.direction === 'request' ? 'input-narrowed' : undefined;
    case 'enum-value-added':
      return c.direction === 'response' ? 'output-retyped' : undefined;
    case 'operation-removed':
    case 'path-removed':
      return 'operation-removed';
    default:
      return undefined;
  }
}
