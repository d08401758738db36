import { resolve } from 'node:path';

/** What every command gets from the edge: where it runs and how to talk. */
export interface CliContext {
  /** Project root: where specs/, data/ and generated/ live. */
  root: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True in CI or when stderr is not a TTY: plain lines, no progress animation. */
  plain: boolean;
  quiet: boolean;
  env: NodeJS.ProcessEnv;
}

export function defaultContext(overrides: Partial<CliContext> = {}): CliContext {
  const env = overrides.env ?? process.env;
  return {
    root: resolve(env.API_HUB_ROOT ?? process.cwd()),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    plain: Boolean(env.CI) || !process.stderr.isTTY,
    quiet: false,
    env,
    ...overrides,
  };
}
