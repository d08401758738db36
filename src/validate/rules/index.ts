import { noRemoteRefs } from './no-remote-refs.js';
import { noUnresolvedRefs } from './no-unresolved-refs.js';
import { refNotAllowed } from './ref-not-allowed.js';
import { refOutsideRoot } from './ref-outside-root.js';
import type { Rule } from './rule.js';

/**
 * The visitor rules, by id (the `struct` rule runs once per document, see
 * ../struct/struct-rule.ts). Later: severities from redocly.yaml override these.
 */
export const rules: Readonly<Record<string, Rule>> = {
  [noUnresolvedRefs.id]: noUnresolvedRefs,
  [noRemoteRefs.id]: noRemoteRefs,
  [refOutsideRoot.id]: refOutsideRoot,
  [refNotAllowed.id]: refNotAllowed,
};
