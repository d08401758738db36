import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { binPath, projectRoot } from './helpers/cli.js';
import { fetchFixtures } from './fetch-server.js';
import { fakeKey } from './helpers/random.js';

export const FAKE_FAL_KEY = fakeKey('falkey-FAKE-do-not-leak', 'fal');
export const FAKE_COMET_KEY = fakeKey('comet-FAKE-do-not-leak', 'comet');

/** Variables a developer may have set that must not reach the CLI under test. */
const SCRUB = [
  'FAL_API_KEY',
  'FAL_KEY',
  'COMET_API_KEY',
  'FAL_API_BASE_URL',
  'COMET_API_BASE_URL',
  'APIDOG_ACCESS_TOKEN',
  'OPENAI_API_KEY',
  'API_HUB_ROOT',
  'API_HUB_FETCH_CONCURRENCY',
];

/** Small delays so the fault tests stay fast: backoff 5–20 ms (timeouts are set per test where they matter). */
export const FAST_RETRIES = {
  API_HUB_RETRY_BASE_MS: '5',
  API_HUB_RETRY_MAX_MS: '20',
  API_HUB_FETCH_TIMEOUT_MS: '10000',
  API_HUB_RETRY_AFTER_MAX_MS: '3000',
  API_HUB_FETCH_RETRIES: '3',
};

export interface AsyncRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  for (const k of SCRUB) delete base[k];
  return { ...base, ...FAST_RETRIES, ...env };
}

/** Run the real binary without blocking this process (the fake servers live in it). */
export function startCli(args: string[], options: { cwd: string; env: Record<string, string | undefined> }): { child: ChildProcess; done: Promise<AsyncRun> } {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<AsyncRun>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

export function runCliAsync(args: string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<AsyncRun> {
  return startCli(args, options).done;
}

/** Every file under `dir` (relative path -> content), to compare snapshots on disk. */
export { readTree } from '../src/fetch/write-snapshot.js';

/** Content files only: the fetch metadata (times, ETags) is left out. */
export function contentOnly(tree: Map<string, string>): Map<string, string> {
  return new Map([...tree].filter(([k]) => !k.split('/').some((s) => s.startsWith('.'))).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Write a FAL `/v1/models` page file and a pricing file for `--from`. */
export async function writeFalResponses(dir: string, models: unknown[], prices: unknown[] | null): Promise<string[]> {
  const files = [join(dir, 'fal-page.json')];
  await writeFile(files[0]!, JSON.stringify({ models, next_cursor: null, has_more: false }));
  if (prices) {
    files.push(join(dir, 'fal-pricing.json'));
    await writeFile(files[1]!, JSON.stringify({ prices, next_cursor: null, has_more: false }));
  }
  return files;
}

export const cometFixtureFiles = [join(fetchFixtures, 'comet-v1-models.json'), join(fetchFixtures, 'comet-api-models.json')];
export { projectRoot };
