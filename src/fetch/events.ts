/** What a fetch reports while it runs; the CLI renders it (progress line on a TTY, plain lines in CI). */
export type Provider = 'fal' | 'comet';

export type FetchEvent =
  | { type: 'start'; provider: Provider; message: string }
  | { type: 'page'; provider: Provider; page: number; models: number; cached: boolean }
  | { type: 'pricing'; provider: Provider; done: number; total: number }
  | { type: 'retry'; provider: Provider | null; label: string; retry: number; reason: string }
  | { type: 'note'; provider: Provider; message: string }
  | { type: 'done'; provider: Provider; message: string }
  | { type: 'failed'; provider: Provider; message: string };

export type Emit = (event: FetchEvent) => void;
