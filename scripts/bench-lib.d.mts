// Types of bench-lib.mjs, for its test.
export interface Measured {
  medianMs: number;
  peakRssMB: number | null;
  runs: number;
  exitCodes: Array<number | null>;
}
export interface Command {
  cmd: string;
  args: string[];
  runs?: number;
  cwd?: string;
  env?: Record<string, string>;
}
export function median(values: number[]): number;
export function measure(cmd: string, args: string[], options?: { runs?: number; cwd?: string; env?: Record<string, string> }): Measured;
export function measureEach<K extends string>(commands: Record<K, Command>): Record<K, Measured>;
