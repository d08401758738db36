import { describe, it, expect } from 'vitest';
import { ProgressDisplay } from './progress.js';
import type { FetchEvent } from './events.js';

const events: FetchEvent[] = [
  { type: 'start', provider: 'fal', message: 'fal: fetching https://api.fal.ai/v1/models' },
  { type: 'page', provider: 'fal', page: 1, models: 50, cached: false },
  { type: 'retry', provider: 'fal', label: 'fal: /v1/models page 2', retry: 1, reason: 'HTTP 429' },
  { type: 'page', provider: 'fal', page: 2, models: 100, cached: true },
  { type: 'pricing', provider: 'fal', done: 50, total: 100 },
  { type: 'page', provider: 'comet', page: 1, models: 568, cached: false },
  { type: 'note', provider: 'fal', message: 'FAL_API_KEY (or FAL_KEY) is not set' },
  { type: 'done', provider: 'fal', message: 'fal: 100 models' },
];

function render(mode: 'tty' | 'plain' | 'quiet'): string {
  let out = '';
  let t = 0;
  const p = new ProgressDisplay(
    (s) => (out += s),
    mode,
    () => (t += 100),
  );
  for (const e of events) p.handle(e);
  p.end();
  return out;
}

describe('ProgressDisplay', () => {
  it('plain: one line per event, no control characters', () => {
    expect(render('plain')).toBe(
      [
        'fal: fetching https://api.fal.ai/v1/models',
        'fal: page 1, 50 models so far',
        'fal: /v1/models page 2: retry 1 after HTTP 429',
        'fal: page 2 (not modified), 100 models so far',
        'fal: prices for 50 of 100 models',
        'comet: 568 models listed',
        'fal: FAL_API_KEY (or FAL_KEY) is not set',
        '',
      ].join('\n'),
    );
  });

  it('tty: a status line redrawn in place, notes above it, cleared at the end', () => {
    const out = render('tty');
    expect(out).toContain('\r\x1b[2Kcomet: 568 models  |  fal: page 2, 100 models, prices 50/100, 1 retry');
    expect(out).toContain('\r\x1b[2Kfal: FAL_API_KEY (or FAL_KEY) is not set\n');
    expect(out).not.toContain('retry 1 after HTTP 429'); // retries are counted on the status line
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('quiet: nothing', () => {
    expect(render('quiet')).toBe('');
  });
});
