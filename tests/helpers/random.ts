import { randomBytes } from 'node:crypto';

/** A seeded generator (mulberry32), shared with the scripts that make synthetic inputs. */
export { seededRandom } from '../../scripts/seeded-random.mjs';

/**
 * A made-up key or token, new on every run: no key-shaped literal is committed (the secret scan and
 * any host's push protection see none), and a "never leaks" test cannot pass by a lucky constant.
 * `fal`: FAL's `id:secret`; `comet`: an OpenAI-style `sk-…`; `token`: a plain token.
 */
export function fakeKey(label: string, shape: 'fal' | 'comet' | 'token'): string {
  const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
  if (shape === 'fal') return `${label}-${hex(4)}:${hex(10)}`;
  if (shape === 'comet') return `sk-${label}-${hex(16)}`;
  return `${label}-${hex(8)}`;
}
