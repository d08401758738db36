import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { baseUrlFromEnv } from '../../core/base-url.js';
import { type Env, envValue } from '../../core/env.js';
import { checkMcpConfig, MCP_CONFIG_FILES } from '../../mcp/config-check.js';

/** `ok` fine; `warn` worth knowing, blocks nothing; `fail` blocks a documented workflow (exit 1). */
export type Level = 'ok' | 'warn' | 'fail';
export interface Check {
  name: string;
  level: Level;
  detail: string;
}
/** Records one check. */
export type Add = (name: string, level: Level, detail: string) => void;
/** A key that is set: the variable's name and its value (never printed). */
export type SetKeys = Map<string, { name: string; value: string }>;
type Git = (...args: string[]) => SpawnSyncReturns<string>;

const MIN_NODE = [20, 19, 0] as const;
const STALE_DAYS = 30;

/** The checks of `api-hub doctor`, in the order they are shown. */
export async function runChecks(root: string, env: Env, online: boolean): Promise<Check[]> {
  const checks: Check[] = [];
  const add: Add = (name, level, detail) => void checks.push({ name, level, detail });
  checkNode(add);
  const setKeys = checkKeys(env, add);
  const git: Git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const inGit = checkGit(git, add);
  await checkSnapshots(root, git, inGit, add);
  await checkRegistry(root, add);
  checkPush(env, add);
  checkUsage(env, add);
  await checkMcpConfigs(root, add);
  if (online) await probeKeys(env, setKeys, add);
  else if (setKeys.size > 0) add('online', 'ok', 'keys not checked against the providers (add --online)');
  return checks;
}

function checkNode(add: Add): void {
  const v = process.versions.node.split('.').map(Number);
  const nodeOk = (v[0] ?? 0) > MIN_NODE[0] || ((v[0] ?? 0) === MIN_NODE[0] && (v[1] ?? 0) >= MIN_NODE[1]);
  add('node', nodeOk ? 'ok' : 'fail', `${process.versions.node}${nodeOk ? '' : ` (need ${MIN_NODE.join('.')} or later)`}`);
}

function checkKeys(env: Env, add: Add): SetKeys {
  // Set or not, never the value.
  const keys: Array<[string, string[], string]> = [
    ['FAL', ['FAL_API_KEY', 'FAL_KEY'], 'FAL prices in fetch and estimate --live'],
    ['Comet', ['COMET_API_KEY'], 'fetch of Comet'],
    ['Apidog', ['APIDOG_ACCESS_TOKEN'], 'push and pull'],
    ['OpenAI', ['OPENAI_API_KEY'], 'the example agent only'],
  ];
  const setKeys = new Map<string, { name: string; value: string }>();
  for (const [label, names, unlocks] of keys) {
    const name = names.find((n) => envValue(env, n) !== undefined);
    if (name) setKeys.set(label, { name, value: envValue(env, name)! });
    add(`key ${label}`, name ? 'ok' : 'warn', name ? `${name} is set` : `${names.join(' or ')} not set (needed for ${unlocks})`);
  }

  return setKeys;
}

/** .env ignored and not tracked; hooks installed. Returns whether this is a git work tree. */
function checkGit(git: Git, add: Add): boolean {
  const inGit = git('rev-parse', '--is-inside-work-tree').stdout.trim() === 'true';
  if (!inGit) add('git', 'warn', 'not a git work tree: .env and hook checks skipped');
  else {
    const tracked = git('ls-files', '--', '.env', '.env.*')
      .stdout.split('\n')
      .filter((f) => f && !f.endsWith('.env.example'));
    const ignored = ['.env', '.env.local', '.env.production'].every((f) => git('check-ignore', '-q', '--no-index', f).status === 0);
    if (tracked.length > 0) add('.env', 'fail', `tracked by git: ${tracked.join(', ')} (git rm --cached, rotate the keys in it)`);
    else
      add(
        '.env',
        ignored ? 'ok' : 'fail',
        ignored ? '.env* is ignored by git (except .env.example)' : '.env files are not ignored: add ".env*" and "!.env.example" to .gitignore',
      );
    const hooks = git('config', '--get', 'core.hooksPath').stdout.trim();
    add(
      'hooks',
      hooks === '.githooks' ? 'ok' : 'warn',
      hooks === '.githooks'
        ? 'pre-commit hook installed (secret scan, spec validation)'
        : 'pre-commit hook not installed: run npm ci (or git config core.hooksPath .githooks)',
    );
  }

  return inGit;
}

async function checkSnapshots(root: string, git: Git, inGit: boolean, add: Add): Promise<void> {
  // Snapshot age per provider.
  const now = Date.now();
  for (const [provider, dir, listing] of [
    ['fal', 'specs/providers/fal', 'specs/providers/fal/models.json'],
    ['comet', 'specs/providers/comet/catalog', 'specs/providers/comet/catalog/v1-models.json'],
  ] as const) {
    let when: number | undefined;
    const meta = await readFile(join(root, dir, '.fetch-meta.json'), 'utf8').catch(() => undefined);
    if (meta) when = Date.parse(String((JSON.parse(meta) as { fetchedAt?: unknown }).fetchedAt));
    if (when === undefined || Number.isNaN(when)) {
      const log = inGit ? git('log', '-1', '--format=%cI', '--', listing).stdout.trim() : '';
      when = log ? Date.parse(log) : (await stat(join(root, listing)).catch(() => undefined))?.mtimeMs;
    }
    if (when === undefined || Number.isNaN(when)) add(`snapshot ${provider}`, 'warn', `no snapshot (${listing}); run api-hub fetch --provider ${provider}`);
    else {
      const days = Math.floor((now - when) / 86_400_000);
      add(`snapshot ${provider}`, days > STALE_DAYS ? 'warn' : 'ok', `${days} day(s) old${days > STALE_DAYS ? ' (run api-hub fetch)' : ''}`);
    }
  }
}

async function checkRegistry(root: string, add: Add): Promise<void> {
  const registryText = await readFile(join(root, 'data/model_registry.json'), 'utf8').catch(() => undefined);
  if (registryText === undefined) add('registry', 'fail', 'data/model_registry.json is missing: run api-hub fetch (or check out the committed one)');
  else {
    const models = (JSON.parse(registryText) as { models?: Array<{ provider?: string; pricing?: unknown }> }).models ?? [];
    for (const p of ['fal', 'comet']) {
      const of = models.filter((m) => m.provider === p);
      const priced = of.filter((m) => m.pricing !== null && m.pricing !== undefined).length;
      const pct = of.length ? Math.round((100 * priced) / of.length) : 0;
      add(`prices ${p}`, of.length && pct >= 50 ? 'ok' : 'warn', `${priced} of ${of.length} model(s) priced (${pct} %)`);
    }
  }
}

function checkPush(env: Env, add: Add): void {
  const missing = ['APIDOG_ACCESS_TOKEN', 'APIDOG_PROJECT_ID'].filter((n) => envValue(env, n) === undefined);
  let apidogUrl: string | undefined;
  try {
    apidogUrl = baseUrlFromEnv(env, 'APIDOG_API_BASE_URL', 'https://api.apidog.com');
  } catch (e) {
    add('push', 'fail', (e as Error).message);
  }
  if (apidogUrl)
    add(
      'push',
      missing.length ? 'warn' : 'ok',
      missing.length ? `not ready: ${missing.join(' and ')} not set` : `ready (project ${envValue(env, 'APIDOG_PROJECT_ID')}, ${apidogUrl})`,
    );
}

function checkUsage(env: Env, add: Add): void {
  // Usage readiness (api-hub usage): whose spend can be read, and over https.
  const usageFal = ['FAL_ADMIN_KEY', 'FAL_API_KEY', 'FAL_KEY'].find((n) => envValue(env, n) !== undefined);
  const usageComet = ['COMET_QUOTA_KEY', 'COMET_API_KEY'].find((n) => envValue(env, n) !== undefined);
  let quotaUrlOk = true;
  try {
    baseUrlFromEnv(env, 'COMET_QUOTA_API_BASE_URL', 'https://query.cometapi.com');
  } catch (e) {
    quotaUrlOk = false;
    add('usage', 'fail', (e as Error).message);
  }
  if (quotaUrlOk) {
    const parts = [
      usageFal ? `FAL via ${usageFal}${usageFal === 'FAL_ADMIN_KEY' ? '' : ' (only if it is an admin key)'}` : 'FAL needs FAL_ADMIN_KEY',
      usageComet ? `Comet via ${usageComet}` : 'Comet needs COMET_QUOTA_KEY or COMET_API_KEY',
    ];
    add('usage', usageFal || usageComet ? 'ok' : 'warn', `${usageFal || usageComet ? 'api-hub usage ready: ' : 'not ready: '}${parts.join('; ')}`);
  }
}

async function checkMcpConfigs(root: string, add: Add): Promise<void> {
  for (const f of MCP_CONFIG_FILES) {
    const text = await readFile(join(root, f), 'utf8').catch(() => undefined);
    if (text === undefined) {
      add(`mcp ${f}`, 'warn', 'missing');
      continue;
    }
    let problems: string[];
    try {
      problems = checkMcpConfig(JSON.parse(text) as unknown, text);
    } catch (e) {
      problems = [`not valid JSON (${(e as Error).message})`];
    }
    add(`mcp ${f}`, problems.length ? 'fail' : 'ok', problems.length ? problems.join('; ') : 'read-only, versions pinned, no key in it');
  }
}

/** Keys accepted? Only when asked: one small request each, the key never printed. */
async function probeKeys(env: Env, setKeys: SetKeys, add: Add): Promise<void> {
  const probe = async (label: string, url: () => string, headers: (key: string) => Record<string, string>): Promise<void> => {
    const key = setKeys.get(label);
    if (!key) return;
    try {
      const r = await fetch(url(), { headers: headers(key.value), signal: AbortSignal.timeout(15_000) });
      const level: Level = r.ok ? 'ok' : r.status === 401 || r.status === 403 ? 'fail' : 'warn';
      add(
        `online ${label}`,
        level,
        r.ok ? `${key.name} accepted` : r.status === 401 || r.status === 403 ? `${key.name} rejected (HTTP ${r.status})` : `could not tell (HTTP ${r.status})`,
      );
    } catch (e) {
      const msg = (e as Error).message.split(key.value).join('[redacted]');
      add(`online ${label}`, msg.includes('only over https') || msg.includes('is not a URL') ? 'fail' : 'warn', `could not ask: ${msg}`);
    }
  };
  await probe(
    'FAL',
    () => `${baseUrlFromEnv(env, 'FAL_API_BASE_URL', 'https://api.fal.ai').replace(/\/v1$/, '')}/v1/models?limit=1`,
    (k) => ({ authorization: `Key ${k}` }),
  );
  await probe(
    'Comet',
    () => `${baseUrlFromEnv(env, 'COMET_API_BASE_URL', 'https://api.cometapi.com').replace(/\/v1$/, '')}/v1/models`,
    (k) => ({ authorization: `Bearer ${k}` }),
  );
  if (setKeys.has('Apidog')) add('online Apidog', 'warn', 'not checked online (no read-only Apidog call is cheap enough); api-hub pull tries it');
}
