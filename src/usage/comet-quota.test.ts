import { describe, expect, it } from 'vitest';
import { readCometQuota } from './comet-quota.js';

describe('readCometQuota', () => {
  it('reads balance, keys and daily_quota (comet-api.md §14)', () => {
    const q = readCometQuota(
      {
        username: 'example_user',
        total_quota: 2105.234088,
        total_used_quota: 21.065912,
        request_count: 1221,
        keys: [
          { name: 'tts_test', remain_quota: 8.93872, used_quota: 2.099206 },
          { name: 'test_key', remain_quota: -1, used_quota: -1 },
        ],
        daily_quota: { '2025-11-02': [{ token_name: 'tts_test', quota_used: 1.25, request_count: 40 }], '2025-11-01': [] },
      },
      'comet',
    );
    expect(q.problems).toEqual([]);
    expect(q.balances).toEqual([
      { provider: 'comet', scope: 'account', remaining: 2105.234088, currency: 'USD', used: 21.065912 },
      { provider: 'comet', scope: 'key:tts_test', remaining: 8.93872, currency: 'USD', used: 2.099206 },
    ]);
    expect(q.keyNames).toEqual(['tts_test', 'test_key']);
    expect(q.records).toEqual([{ provider: 'comet', day: '2025-11-02', model: '*', key: 'tts_test', cost: 1.25, currency: 'USD', requests: 40 }]);
    expect(JSON.stringify(q)).not.toContain('example_user');
  });

  it('refuses an answer without a balance, quoting the server message', () => {
    const q = readCometQuota({ success: false, message: 'invalid key' }, 'comet');
    expect(q.problems[0]).toMatchObject({ ruleId: 'comet-quota-shape', severity: 'error' });
    expect(q.problems[0]?.message).toContain('invalid key');
  });

  it('warns when the answer has no daily figures', () => {
    const q = readCometQuota({ total_quota: 5 }, 'comet');
    expect(q.balances).toHaveLength(1);
    expect(q.problems).toMatchObject([{ severity: 'warn', message: expect.stringContaining('no `daily_quota`') }]);
  });

  it('skips malformed days and entries with a warning', () => {
    const q = readCometQuota({ total_quota: 1, daily_quota: { yesterday: [], '2025-11-02': [{ token_name: 'k' }] } }, 'comet');
    expect(q.records).toEqual([]);
    expect(q.problems.map((p) => p.pointer)).toEqual(['/daily_quota/yesterday', '/daily_quota/2025-11-02/0']);
  });
});
