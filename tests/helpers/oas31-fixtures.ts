import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isObject } from '../../src/core/json.js';
import { projectRoot } from './cli.js';

const fixtures = join(projectRoot, 'tests', 'fixtures');

/**
 * Every 3.1 document of the validator's fixtures: the OAI suite's pass and fail cases, the valid and
 * structural cases, OpenAI's published document. Each with its path under tests/fixtures/.
 */
export function fixtureDocuments31(): Array<[string, Record<string, unknown>]> {
  const files = ['validate/oai/pass', 'validate/oai/fail', 'validate/valid', 'validate/struct'].flatMap((d) =>
    readdirSync(join(fixtures, d))
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => join(d, f)),
  );
  files.push('openai/openapi.json');
  const docs: Array<[string, Record<string, unknown>]> = [];
  for (const f of files) {
    const doc: unknown = parse(readFileSync(join(fixtures, f), 'utf8'));
    if (isObject(doc) && typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1')) docs.push([f, doc]);
  }
  return docs;
}

/** The hub's own built document (specs/openapi.index.json's copy). */
export function hubDocument(): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(projectRoot, 'specs', 'openapi.index.json'), 'utf8')) as { document: Record<string, unknown> }).document;
}

/** Every object and array in a value, depth first. */
export function nodesIn(v: unknown, out: object[] = []): object[] {
  if (v === null || typeof v !== 'object') return out;
  out.push(v);
  for (const c of Array.isArray(v) ? v : Object.values(v)) nodesIn(c, out);
  return out;
}
