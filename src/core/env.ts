import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { HubError } from './errors.js';

/**
 * The variables the hub reads. `secret` ones are redacted from every message
 * and refused in every written file; `.env.example` lists them all.
 */
export const ENV_VARS = {
  COMET_API_KEY: { secret: true },
  COMET_API_BASE_URL: { secret: false },
  COMET_QUOTA_KEY: { secret: true },
  COMET_QUOTA_API_BASE_URL: { secret: false },
  FAL_API_KEY: { secret: true },
  FAL_KEY: { secret: true },
  FAL_ADMIN_KEY: { secret: true },
  FAL_API_BASE_URL: { secret: false },
  APIDOG_ACCESS_TOKEN: { secret: true },
  APIDOG_PROJECT_ID: { secret: false },
  APIDOG_API_BASE_URL: { secret: false },
  OPENAI_API_KEY: { secret: true },
} as const;

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with `<root>/.env` underneath it: a variable set in the real
 * environment wins over the file (as with `node --env-file`). A missing file is
 * fine; an unreadable one is an error. Parsing is Node's own `util.parseEnv`.
 */
export async function withDotEnv(root: string, env: Env): Promise<Env> {
  const path = join(root, '.env');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return env;
    throw new HubError(`.env: cannot read (${code ?? (err as Error).message})`);
  }
  const fromFile = parseEnv(text);
  const merged: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(fromFile)) if (v !== undefined) merged[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}

/** A variable's value, or undefined when unset or blank. */
export function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Every secret variable that is set (at least 4 characters), by name: for redaction and for refusing to write one. */
export function secretEntries(env: Env): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, spec] of Object.entries(ENV_VARS)) {
    const v = spec.secret ? envValue(env, name) : undefined;
    if (v && v.length >= 4) out.set(name, v);
  }
  return out;
}

/** The values of every secret variable that is set (for redaction). */
export function secretValues(env: Env): string[] {
  return [...secretEntries(env).values()];
}
