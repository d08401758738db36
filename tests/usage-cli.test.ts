/**
 * `api-hub usage` as a user runs it (the real binary, local servers): --json,
 * the table, --fail-on anomaly, exit codes, and canary keys that appear in no
 * output and no file.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { filesUnder } from './helpers/files.js';
import { join } from 'node:path';
import { runCliAsync, type AsyncRun } from './fetch-helpers.js';
import type { FakeApi } from './fetch-server.js';
import {
  COMET_CANARY,
  FAL_ADMIN_CANARY,
  FAL_PLAIN_CANARY,
  cometQuotaServer,
  falUsageServer,
  lastDays,
  type FalLine,
  serversClosedAfterEach,
} from './usage-server.js';

const up = serversClosedAfterEach();
/** Keys a developer may have set, blanked (blank means unset). */
const BLANK = { FAL_ADMIN_KEY: '', COMET_QUOTA_KEY: '', COMET_QUOTA_API_BASE_URL: '' };
const UNTIL = '2025-01-20';

function noCanary(dir: string, run: AsyncRun): void {
  for (const text of [run.stdout, run.stderr, ...filesUnder(dir).map((f) => readFileSync(f, 'utf8'))]) {
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain(encodeURIComponent(COMET_CANARY));
  }
}

async function servedBoth(spike: boolean): Promise<{ fal: FakeApi; comet: FakeApi }> {
  const lines: FalLine[] = lastDays(UNTIL, 17).map((day) => ({ day, endpoint_id: 'fal-ai/flux/dev', cost: day === UNTIL && spike ? 10 : 2 }));
  const fal = await up(falUsageServer({ lines, pageSize: 5 }));
  const comet = await up(
    cometQuotaServer({
      balance: 500,
      keys: [{ name: 'studio-app', remain_quota: -1, used_quota: -1 }],
      days: lastDays(UNTIL, 17).map((day) => ({ day, token_name: 'studio-app', quota_used: 1 })),
    }),
  );
  return { fal, comet };
}

function env(fal: FakeApi, comet: FakeApi, extra: Record<string, string> = {}): Record<string, string> {
  return { ...BLANK, FAL_ADMIN_KEY: FAL_ADMIN_CANARY, COMET_API_KEY: COMET_CANARY, FAL_API_BASE_URL: fal.url, COMET_QUOTA_API_BASE_URL: comet.url, ...extra };
}

describe('api-hub usage', () => {
  it('--json prints the report; --fail-on anomaly exits 1 on a spike; no key anywhere', async () => {
    const { fal, comet } = await servedBoth(true);
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--json', '--until', UNTIL, '--days', '3', '--fail-on', 'anomaly'], { cwd: dir, env: env(fal, comet) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      from: string;
      until: string;
      providers: string[];
      byModel: Array<{ model: string; cost: number }>;
      anomalies: Array<{ ruleId: string; model?: string; day?: string }>;
      balances: unknown[];
    };
    expect([report.from, report.until, report.providers]).toEqual(['2025-01-18', UNTIL, ['comet', 'fal']]);
    expect(report.byModel.map((m) => [m.model, m.cost])).toEqual([
      ['fal-ai/flux/dev', 14],
      ['*', 3],
    ]);
    expect(report.anomalies).toMatchObject([{ ruleId: 'usage-spike', model: 'fal-ai/flux/dev', day: UNTIL }]);
    expect(readFileSync(join(dir, '.api-hub/usage-state.json'), 'utf8')).toContain('fal-ai/flux/dev');
    noCanary(dir, r);
  });

  it('exits 0 with --fail-on anomaly when nothing is unusual, and prints a table', async () => {
    const { fal, comet } = await servedBoth(false);
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--until', UNTIL, '--days', '2', '--fail-on', 'anomaly'], { cwd: dir, env: env(fal, comet) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2025-01-20 +fal +fal-ai\/flux\/dev +Production Key +1 image +2\.00 USD$/m);
    expect(r.stdout).toMatch(/^comet +account +500\.00 USD/m);
    expect(r.stdout).toContain('No anomalies.');
    noCanary(dir, r);
  });

  it('prints anomalies in plain words for CI, and exits 0 without --fail-on', async () => {
    const { fal, comet } = await servedBoth(true);
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--until', UNTIL, '--days', '1', '--state', 'off'], { cwd: dir, env: env(fal, comet) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ANOMALY fal-ai\/flux\/dev spent 10\.00 USD on 2025-01-20, 5\.0× its median of 2\.00 USD/m);
    expect(filesUnder(dir)).toEqual([]); // --state off: nothing written
  });

  it('exits 2 and asks for an admin key when FAL refuses the key (401)', async () => {
    const { fal, comet } = await servedBoth(false);
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--provider', 'fal', '--until', UNTIL], {
      cwd: dir,
      env: env(fal, comet, { FAL_ADMIN_KEY: '', FAL_KEY: FAL_PLAIN_CANARY }),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('api-hub: fal: FAL_KEY was refused by GET /v1/models/usage (HTTP 401): the usage API needs an admin key');
    expect(r.stdout).toBe('');
    noCanary(dir, r);
  });

  it('exits 2 naming the variable when the key is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--provider', 'comet'], { cwd: dir, env: BLANK });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('comet: COMET_QUOTA_KEY is not set (or COMET_API_KEY)');
  });

  it('exits 2 with the Comet URL redacted when the quota service fails', async () => {
    const { fal, comet } = await servedBoth(false);
    comet.faults = [{ fault: { kind: 'status', status: 500 } }];
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    const r = await runCliAsync(['usage', '--provider', 'comet', '--until', UNTIL], { cwd: dir, env: env(fal, comet) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/user/quota?key=[redacted]&start_date=2024-12-31&end_date=2025-01-20');
    expect(r.stderr).toMatch(/comet: \/user\/quota: retry 1 \(HTTP 500\)/);
    noCanary(dir, r);
  });

  it('refuses bad flags with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usage-cli-'));
    for (const args of [
      ['--fail-on', 'spend'],
      ['--provider', 'openai'],
      ['--since', '2025-02-30'],
      ['--since', '2025-01-01', '--days', '3'],
      ['--spike-factor', '0.5'],
    ]) {
      const r = await runCliAsync(['usage', ...args], { cwd: dir, env: BLANK });
      expect([args, r.status]).toEqual([args, 2]);
    }
    const help = await runCliAsync(['usage', '--help'], { cwd: dir, env: BLANK });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('FAL_ADMIN_KEY');
  });
});
