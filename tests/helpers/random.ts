import { randomBytes } from 'node:crypto';

/** mulberry32: a small seeded generator, so that a fuzz test makes the same cases on every run and a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
