// Types of seeded-random.mjs, for the tests' helpers.
export function seededRandom(seed: number): () => number;
