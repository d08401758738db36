import type { FetchEvent, Provider } from './events.js';

export type ProgressMode = 'tty' | 'plain' | 'quiet';

interface ProviderStatus {
  pages: number;
  models: number;
  priced: number;
  pricing: number;
  retries: number;
  state: 'running' | 'done' | 'failed';
}

/**
 * Renders fetch events. On a TTY: one status line, redrawn in place (pages,
 * models, prices, retries per provider), with notes printed above it. In CI or
 * when piped: plain lines, one per event. Quiet: nothing (errors and results
 * are printed by the command).
 */
export class ProgressDisplay {
  private readonly status = new Map<Provider, ProviderStatus>();
  private lineShown = false;
  private lastDraw = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly mode: ProgressMode,
    private readonly now: () => number = Date.now,
  ) {}

  handle(e: FetchEvent): void {
    if (this.mode === 'quiet') return;
    const s = e.provider ? this.of(e.provider) : undefined;
    switch (e.type) {
      case 'start':
        this.line(e.message);
        break;
      case 'page':
        if (!s) break;
        s.pages = e.page;
        s.models = e.models;
        if (this.mode === 'plain')
          this.line(
            e.provider === 'fal'
              ? `fal: page ${e.page}${e.cached ? ' (not modified)' : ''}, ${e.models} models so far`
              : `${e.provider}: ${e.models} models listed${e.cached ? ' (not modified)' : ''}`,
          );
        break;
      case 'pricing':
        if (!s) break;
        s.priced = e.done;
        s.pricing = e.total;
        if (this.mode === 'plain') this.line(`${e.provider}: prices for ${e.done} of ${e.total} models`);
        break;
      case 'retry':
        if (s) s.retries++;
        this.line(`${e.label}: retry ${e.retry} after ${e.reason}`, this.mode === 'tty');
        break;
      case 'note':
        this.line(`${e.provider}: ${e.message}`);
        break;
      case 'done':
        if (s) s.state = 'done';
        break;
      case 'failed':
        if (s) s.state = 'failed';
        break;
    }
    if (this.mode === 'tty') this.draw(e.type !== 'page' && e.type !== 'pricing' && e.type !== 'retry');
  }

  /** Clear the status line (TTY) before the final output. */
  end(): void {
    if (this.mode === 'tty' && this.lineShown) {
      this.write('\r\x1b[2K');
      this.lineShown = false;
    }
  }

  private of(p: Provider): ProviderStatus {
    let s = this.status.get(p);
    if (!s) {
      s = { pages: 0, models: 0, priced: 0, pricing: 0, retries: 0, state: 'running' };
      this.status.set(p, s);
    }
    return s;
  }

  /** A permanent line; on a TTY it goes above the status line. `quietOnTty`: only the counter shows it there. */
  private line(text: string, quietOnTty = false): void {
    if (this.mode === 'tty') {
      if (quietOnTty) return;
      this.end();
    }
    this.write(text + '\n');
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < 80) return;
    this.lastDraw = t;
    const parts: string[] = [];
    for (const [p, s] of [...this.status].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const bits = [`${s.models} models`];
      if (s.pages > 0 && p === 'fal') bits.unshift(`page ${s.pages}`);
      if (s.pricing > 0) bits.push(`prices ${s.priced}/${s.pricing}`);
      if (s.retries > 0) bits.push(`${s.retries} retr${s.retries === 1 ? 'y' : 'ies'}`);
      if (s.state !== 'running') bits.push(s.state);
      parts.push(`${p}: ${bits.join(', ')}`);
    }
    if (parts.length === 0) return;
    this.write(`\r\x1b[2K${parts.join('  |  ')}`);
    this.lineShown = true;
  }
}
