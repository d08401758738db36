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
        const parts = path.split('/');
        const vars = parts.filter(isVar).length;
        if (vars === 0) continue;
        const shape = path.replace(/\{[^}]*\}/g, '{}');
        const clash = find(root, parts, 0, vars, shape);
        if (clash) {
          report({
            file: ctx.file,
            pointer: at(ctx, path),
            message: `\`${path}\` and \`${clash.path}\` can match the same request`,
            suggestion: 'Servers match literal segments first, but clients and gateways differ: make one path more specific.',
          });
        }
        insert(root, parts, { path, vars, shape, index: index++ });
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

function insert(root: TrieNode, parts: readonly string[], entry: Entry): void {
  let n = root;
  for (const p of parts) {
    if (isVar(p)) n = n.wild ??= new TrieNode();
    else {
      let next = n.literal.get(p);
      if (!next) n.literal.set(p, (next = new TrieNode()));
      n = next;
    }
  }
  n.ends.push(entry);
}

/** The earliest path that matches `parts` segment by segment (a template matches anything), with as many templates and another shape. */
function find(n: TrieNode, parts: readonly string[], i: number, vars: number, shape: string): Entry | undefined {
  if (i === parts.length) {
    let best: Entry | undefined;
    for (const e of n.ends) if (e.vars === vars && e.shape !== shape && (!best || e.index < best.index)) best = e;
    return best;
  }
  const p = parts[i]!;
  const candidates: TrieNode[] = [];
  if (isVar(p)) candidates.push(...n.literal.values());
  else {
    const lit = n.literal.get(p);
    if (lit) candidates.push(lit);
  }
  if (n.wild) candidates.push(n.wild);
  let best: Entry | undefined;
  for (const c of candidates) {
    const e = find(c, parts, i + 1, vars, shape);
    if (e && (!best || e.index < best.index)) best = e;
  }
  return best;
}
