import type { WalkContext } from '../walk.js';
import { isRecord } from './util.js';

/** The `{name}` variables of a server URL template. */
export function urlVariables(url: string): string[] {
  if (!url.includes('{')) return [];
  return Array.from(url.matchAll(/\{([^}]+)\}/g), (m) => m[1]!);
}

export type ServerVisit = (server: Record<string, unknown>, ctx: WalkContext) => void;

export const variablesOf = (server: Record<string, unknown>): Record<string, unknown> => (isRecord(server.variables) ? server.variables : {});
