import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * Two paths a request could match both: same number of segments and of
 * templates, each segment pair equal or one of them templated (`/a/{x}/c` and
 * `/a/b/{y}`). Paths that differ only in template names are
 * `no-identical-paths`' business. Redocly's definition (same template count).
 */
export const noAmbiguousPaths: Rule = {
  id: 'no-ambiguous-paths',
  severity: 'warn',
  description: 'No two paths can match the same request (`/a/{x}/c` and `/a/b/{y}`).',
  create: ({ report }) => ({
    Paths(paths, ctx) {
      // A trie of segments where a template is a wildcard: each path is matched against the earlier
      // ones in time proportional to the matching branches, not to the number of paths.
      const root = new TrieNode();
      let index = 0;
      for (const path of Object.keys(paths)) {
        if (!path.startsWith('/')) continue;
        if (!path.includes('{')) continue;
        const parts = path.split('/');
        const wild = parts.map(isVar);
        let vars = 0;
        for (const w of wild) if (w) vars++;
        if (vars === 0) continue;
        const shape = path.replace(/\{[^}]*\}/g, '{}');
        const clash = find(root, { parts, wild, vars, shape }, 0);
        if (clash) {
          report({
            file: ctx.file,
            pointer: at(ctx, path),
            message: `\`${path}\` and \`${clash.path}\` can match the same request`,
            suggestion: 'Servers match literal segments first, but clients and gateways differ: make one path more specific.',
          });
        }
        insert(root, parts, wild, { path, vars, shape, index: index++ });
      }
    },
  }),
};

interface Entry {
  path: string;
  vars: number;
  shape: string;
  index: number;
}

class TrieNode {
  literal = new Map<string, TrieNode>();
  wild: TrieNode | undefined;
  ends: Entry[] = [];
}

const isVar = (s: string): boolean => /^\{.+\}$/.test(s);

function insert(root: TrieNode, parts: readonly string[], wild: readonly boolean[], entry: Entry): void {
  let n = root;
  for (let i = 0; i < parts.length; i++) {
    if (wild[i]) n = n.wild ??= new TrieNode();
    else {
      const p = parts[i]!;
      let next = n.literal.get(p);
      if (!next) n.literal.set(p, (next = new TrieNode()));
      n = next;
    }
  }
  n.ends.push(entry);
}

/** A templated path being matched: its segments, which of them are templates, how many, and its shape (`/a/{}/c`). */
interface Probe {
  parts: readonly string[];
  wild: readonly boolean[];
  vars: number;
  shape: string;
}

const earlier = (a: Entry | undefined, b: Entry | undefined): Entry | undefined => (a && (!b || a.index < b.index) ? a : b);

/** The earliest path that matches the probe from segment `i` on (a template matches anything), with as many templates and another shape. */
function find(n: TrieNode, probe: Probe, i: number): Entry | undefined {
  if (i === probe.parts.length) {
    let best: Entry | undefined;
    for (const e of n.ends) if (e.vars === probe.vars && e.shape !== probe.shape) best = earlier(e, best);
    return best;
  }
  let best: Entry | undefined;
  if (probe.wild[i]) for (const c of n.literal.values()) best = earlier(find(c, probe, i + 1), best);
  else {
    const lit = n.literal.get(probe.parts[i]!);
    if (lit) best = find(lit, probe, i + 1);
  }
  if (n.wild) best = earlier(find(n.wild, probe, i + 1), best);
  return best;
}
