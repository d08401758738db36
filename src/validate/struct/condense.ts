import { isObject } from '../../core/json.js';
import { childPointer, resolvePointer } from '../../core/pointer.js';
import type { RawError } from '../schemas/validators.js';

/**
 * Turn ajv's raw error list into the errors worth reporting: one per real problem.
 *
 * - `if` errors ("must match else schema") only summarise their branch: dropped.
 * - A failed `oneOf`/`anyOf` reports every branch's errors and then a summary.
 *   We keep only the errors of the branch that came closest (see `closeness`),
 *   so `{in: query, nmae: x}` gives one "unknown property `nmae`", not the
 *   complaints of the header, path, cookie and Reference branches too.
 * - Exact duplicates (the same problem seen through two paths) are dropped.
 */
export function condenseErrors(errors: readonly RawError[], data: unknown): RawError[] {
  const out: RawError[] = [];
  for (const e of foldNameErrors(errors)) {
    if (e.keyword === 'if') continue;
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && !Array.isArray(e.params.passingSchemas)) {
      // The branch errors are the run of errors just before the summary, under its location.
      let start = out.length;
      while (start > 0 && isUnder(out[start - 1]!.instancePath, e.instancePath)) start--;
      const branchErrors = out.splice(start);
      const chosen = requiredAlternatives(branchErrors, e) ?? closestBranch(branchErrors, e, data);
      out.push(...(chosen.length > 0 ? chosen : [e]));
      continue;
    }
    out.push(e);
  }
  return dropConsequences(dedupe(out));
}

/**
 * The errors inside a `propertyNames` subschema carry the map's location, not the
 * name's (`headers` "does not match the pattern …" for a header named `Bad=Header`).
 * Each is folded into the `propertyNames` error that follows it, as its `reason`,
 * so the name is reported once, at the name, with why it is invalid.
 */
function foldNameErrors(errors: readonly RawError[]): RawError[] {
  const key = (e: RawError, name: unknown): string => `${e.instancePath}\u0000${String(name)}`;
  const reasons = new Map<string, RawError>();
  const summarized = new Set<string>();
  for (const e of errors) if (e.keyword === 'propertyNames') summarized.add(key(e, e.params.propertyName));
  const out: RawError[] = [];
  for (const e of errors) {
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames' && summarized.has(key(e, e.propertyName))) {
      const k = key(e, e.propertyName);
      if (!reasons.has(k)) reasons.set(k, e);
      continue;
    }
    if (e.keyword === 'propertyNames') {
      const reason = reasons.get(key(e, e.params.propertyName));
      out.push(reason ? { ...e, params: { ...e.params, reason: { keyword: reason.keyword, params: reason.params } } } : e);
      continue;
    }
    out.push(e);
  }
  return out;
}

/**
 * A failed `anyOf`/`oneOf` whose branches each only require one property (`paths`
 * or `components` or `webhooks`; `schema` or `content`): one error naming them all,
 * not the first branch's "missing `paths`".
 */
function requiredAlternatives(branchErrors: readonly RawError[], summary: RawError): RawError[] | undefined {
  if (branchErrors.length < 2) return undefined;
  const names: string[] = [];
  const branches = new Set<string>();
  const prefix = summary.schemaPath + '/';
  for (const err of branchErrors) {
    if (err.keyword !== 'required' || err.instancePath !== summary.instancePath || !err.schemaPath.startsWith(prefix)) return undefined;
    names.push(String(err.params.missingProperty));
    branches.add(err.schemaPath.slice(prefix.length).split('/')[0]!);
  }
  // One missing property per branch (a branch requiring two would not be "one of").
  if (new Set(names).size !== names.length || branches.size !== names.length) return undefined;
  return [
    {
      instancePath: summary.instancePath,
      schemaPath: summary.schemaPath,
      keyword: 'requiredAlternatives',
      params: { missingProperties: names, exactlyOne: summary.keyword === 'oneOf' },
    },
  ];
}

/**
 * Errors that only follow from another error on the same object: a failed
 * `not`/`oneOf`/`anyOf` drops its annotations, so 3.1's `unevaluatedProperties`
 * then flags the properties that subschema had evaluated (`example` and
 * `examples` both present); and a `oneOf` matching twice because a required
 * field is missing.
 */
function dropConsequences(errors: RawError[]): RawError[] {
  const failedApplicatorAt = new Set<string>();
  const otherAt = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'not' || e.keyword === 'anyOf' || (e.keyword === 'oneOf' && !Array.isArray(e.params.passingSchemas)))
      failedApplicatorAt.add(e.instancePath);
    if (e.keyword !== 'unevaluatedProperties' && e.keyword !== 'oneOf') otherAt.add(e.instancePath);
  }
  const withErrors = pathsWithErrors(errors);
  return errors.filter((e) => {
    if (e.keyword === 'unevaluatedProperties') return !failedApplicatorAt.has(e.instancePath) && !hasErrorsWithin(withErrors, e);
    if (e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas)) return !otherAt.has(e.instancePath);
    return true;
  });
}

/**
 * Whether the property an `unevaluatedProperties` error names has errors of its own: then some
 * subschema did evaluate it, in a branch that failed (a `then` whose `flows` are invalid), and
 * ajv forgets what failed branches evaluated. "`flows` is not allowed" would be a consequence.
 */
function hasErrorsWithin(withErrors: ReadonlySet<string>, e: RawError): boolean {
  const prop = e.params.unevaluatedProperty;
  return typeof prop === 'string' && withErrors.has(childPointer(e.instancePath, prop));
}

/** Every location that has an error at or below it. */
function pathsWithErrors(errors: readonly RawError[]): Set<string> {
  const out = new Set<string>();
  for (const e of errors) {
    let p = e.instancePath;
    while (p !== '' && !out.has(p)) {
      out.add(p);
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
  return out;
}

function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

const depth = (instancePath: string): number => (instancePath === '' ? 0 : instancePath.split('/').length - 1);

const errorKey = (e: RawError): string => `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;

/** Branch of a oneOf an error belongs to: the inline branch index, or the definition it came through. */
function branchKey(err: RawError, summary: RawError): string {
  const prefix = summary.schemaPath + '/';
  if (err.schemaPath.startsWith(prefix)) return 'branch:' + err.schemaPath.slice(prefix.length).split('/')[0];
  const def = /^#\/(?:definitions|\$defs)\/[^/]+/.exec(err.schemaPath);
  return def ? def[0] : '#';
}

function closestBranch(branchErrors: RawError[], summary: RawError, data: unknown): RawError[] {
  if (branchErrors.length === 0) return [];
  const groups = new Map<string, RawError[]>();
  for (const err of branchErrors) {
    const k = branchKey(err, summary);
    const g = groups.get(k);
    if (g) g.push(err);
    else groups.set(k, [err]);
  }
  let best: RawError[] = [];
  let bestKey = '';
  let bestScore: number[] | undefined;
  for (const [k, g] of groups) {
    const score = closeness(g, summary, data);
    if (!bestScore || less(score, bestScore)) {
      best = g;
      bestKey = k;
      bestScore = score;
    }
  }
  return bestKey === '#' ? agreedOn(best) : best;
}

/**
 * Errors of branches compiled as separate functions carry schema paths relative
 * to that function (`#/required`), so their branches cannot be told apart. Then
 * keep what most alternatives agree on: `shema` is unknown to the body, header,
 * query, path and formData forms of a 2.0 parameter alike, while "must be in:
 * header" is one wrong branch's opinion.
 */
function agreedOn(errors: readonly RawError[]): RawError[] {
  const count = new Map<string, number>();
  for (const e of errors) count.set(errorKey(e), (count.get(errorKey(e)) ?? 0) + 1);
  const max = Math.max(...count.values());
  if (max >= 2) return errors.filter((e) => count.get(errorKey(e)) === max);
  // Several enum/const failures on one value (`in` must be header / query / path ...) are
  // the discriminators of the wrong branches: none of them is the problem.
  const enumsAt = new Map<string, number>();
  for (const e of errors) if (e.keyword === 'enum' || e.keyword === 'const') enumsAt.set(e.instancePath, (enumsAt.get(e.instancePath) ?? 0) + 1);
  const rest = errors.filter((e) => !((e.keyword === 'enum' || e.keyword === 'const') && (enumsAt.get(e.instancePath) ?? 0) > 1));
  return rest.length > 0 ? rest : [...errors];
}

/**
 * Lower is closer: [wrong-kind penalty, -(deepest error), number of errors].
 * A branch is the wrong kind when the value is not even of its type, when it is
 * the Reference branch and the value has no `$ref`, or when a discriminating
 * child (`in`, `type`) fails its enum/const. Otherwise the branch whose errors
 * lie deepest got furthest into the value, and fewer errors means closer.
 */
function closeness(group: readonly RawError[], summary: RawError, data: unknown): number[] {
  const base = depth(summary.instancePath);
  const value = resolvePointer(data, summary.instancePath);
  const hasRef = isObject(value) && '$ref' in value;
  let penalty = 0;
  let deepest = 0;
  for (const err of group) {
    const d = depth(err.instancePath);
    deepest = Math.max(deepest, d);
    if (d === base && (err.keyword === 'type' || err.keyword === 'false schema')) penalty += 100;
    if (d === base && err.keyword === 'required' && err.params.missingProperty === '$ref' && !hasRef) penalty += 100;
    if (d === base + 1 && (err.keyword === 'enum' || err.keyword === 'const')) penalty += 10;
  }
  return [penalty, -deepest, group.length];
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

function dedupe(errors: readonly RawError[]): RawError[] {
  const seen = new Set<string>();
  const out: RawError[] = [];
  for (const e of errors) {
    const k = errorKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}
