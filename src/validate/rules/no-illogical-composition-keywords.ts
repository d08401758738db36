import type { Resolved } from '../refs/resolve.js';
import { equal } from '../schemas/equal.js';
import type { SourceFile } from '../types.js';
import type { WalkContext } from '../walk.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

type Schema = Record<string, unknown>;
type Report = (pointer: string, message: string) => void;

/** Keywords whose meaning the overlap check understands; a schema with any other keyword is not compared. */
const SIMPLE = new Set([
  'type',
  'format',
  'enum',
  'const',
  'nullable',
  'properties',
  'required',
  'additionalProperties',
  'discriminator',
  '$ref',
  '$id',
  '$schema',
  '$anchor',
  '$comment',
  'title',
  'description',
  'default',
  'example',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
]);

const ALTERNATIVES = ['anyOf', 'oneOf'] as const;

/**
 * Redocly's rule of the same name (recommended: warn), as Redocly CLI 2.77 implements it.
 * `allOf`, `anyOf` and `oneOf` that cannot mean what they say:
 * - fewer than two schemas (`allOf` with one is fine beside other keywords, or when that schema
 *   has a discriminator; `anyOf`/`oneOf` with one is fine under a discriminator);
 * - an empty schema (it matches anything) or a duplicate of an earlier one;
 * - under a discriminator, an inline alternative (the discriminator cannot select it);
 * - `oneOf` only: a nullable schema with a nullable alternative; and two alternatives that
 *   can match the same value (OpenAPI: "validates against exactly one"), judged on simple
 *   schemas only (type, enum/const, properties, required, additionalProperties): the same
 *   values, overlapping types, or shared properties without values that tell them apart;
 *   under a discriminator (before 3.2), a property some alternative may omit.
 * https://redocly.com/docs/cli/rules/oas/no-illogical-composition-keywords
 */
export const noIllogicalCompositionKeywords: Rule = {
  id: 'no-illogical-composition-keywords',
  severity: 'warn',
  description:
    'allOf/anyOf/oneOf with fewer than two schemas, empty or duplicate schemas, inline schemas under a discriminator, and oneOf alternatives that overlap.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ set, report }) => {
    const strictDiscriminator = set.version !== '3.2';
    return {
      Schema(schema, ctx) {
        if (schema.allOf === undefined && schema.anyOf === undefined && schema.oneOf === undefined) return;
        const rep: Report = (pointer, message) => report({ file: ctx.file, pointer, message });
        const hasDiscriminator = isRecord(schema.discriminator);
        const all = schema.allOf;
        if (Array.isArray(all)) {
          const single =
            all.length === 1 && Object.keys(schema).length === 1 && !isRecord(resolveMember(all[0], ctx, at(ctx, 'allOf', 0))?.value.discriminator);
          if (all.length === 0 || single) tooFew(all, 'allOf', ctx, rep);
          emptyAndDuplicates(all, 'allOf', ctx, rep);
        }
        for (const key of ALTERNATIVES) {
          const list = schema[key];
          if (!Array.isArray(list)) continue;
          if (list.length < 2 && !hasDiscriminator) tooFew(list, key, ctx, rep);
          emptyAndDuplicates(list, key, ctx, rep);
          if (hasDiscriminator) {
            list.forEach((m, i) => {
              if (isRecord(m) && (typeof m.$ref === 'string' || Object.hasOwn(m, '$id'))) return;
              rep(at(ctx, key, i), `Schema in \`${key}\` is inline, so the \`discriminator\` cannot select it. Use a \`$ref\` to a named schema.`);
            });
          }
          if (key === 'oneOf') oneOfOverlaps(schema, list, ctx, rep, hasDiscriminator ? (schema.discriminator as Schema) : undefined, strictDiscriminator);
        }
      },
    };
  },
};

function tooFew(list: unknown[], key: string, ctx: WalkContext, rep: Report): void {
  rep(at(ctx, key), `\`${key}\` should have at least two schemas.${list.length === 1 ? ' Use the schema directly instead.' : ''}`);
}

function emptyAndDuplicates(list: unknown[], key: string, ctx: WalkContext, rep: Report): void {
  list.forEach((m, i) => {
    if (isRecord(m) && Object.keys(m).length === 0) rep(at(ctx, key, i), `Schema in \`${key}\` is empty, so it matches any value.`);
  });
  for (let n = 1; n < list.length; n++) {
    const first = list.findIndex((m) => equal(m, list[n]));
    if (first < n) rep(at(ctx, key, n), `Schema in \`${key}\` duplicates the schema at position ${first + 1}.`);
  }
}

/** A member, through its `$ref`s, when it is an object schema. */
function resolveMember(m: unknown, ctx: WalkContext, pointer: string, file?: SourceFile): (Resolved & { value: Schema }) | undefined {
  const r = ctx.resolve(m, pointer, file ?? ctx.file);
  return r && isRecord(r.value) ? (r as Resolved & { value: Schema }) : undefined;
}

function oneOfOverlaps(parent: Schema, list: unknown[], ctx: WalkContext, rep: Report, discriminator: Schema | undefined, strict: boolean): void {
  const members = list.map((m, i) => resolveMember(m, ctx, at(ctx, 'oneOf', i)));
  if (acceptsNull(parent) && members.some((m) => m !== undefined && acceptsNull(m.value))) {
    rep(at(ctx, 'oneOf'), 'The schema and a schema in `oneOf` both accept `null`, so nothing decides which one applies to a null value.');
  }
  for (let c = 0; c < members.length - 1; c++) {
    const left = members[c];
    if (!left) continue;
    for (let p = c + 1; p < members.length; p++) {
      const right = members[p];
      if (!right || equal(list[c], list[p])) continue;
      const why = overlap(left, right, ctx, discriminator, strict);
      if (why)
        rep(
          at(ctx, 'oneOf'),
          `Schemas in \`oneOf\` must be mutually exclusive. Found overlapping schemas: ${label(list[c], c)} and ${label(list[p], p)}. ${why}`,
        );
    }
  }
}

function label(m: unknown, i: number): string {
  if (isRecord(m) && typeof m.$ref === 'string') return `\`${m.$ref}\``;
  if (isRecord(m) && m.title) return `\`${String(m.title)}\``;
  return `schema at position ${i + 1}`;
}

function overlap(
  l: Resolved & { value: Schema },
  r: Resolved & { value: Schema },
  ctx: WalkContext,
  discriminator: Schema | undefined,
  strict: boolean,
): string | null {
  const a = l.value;
  const b = r.value;
  if (complex(a) || complex(b) || exclusive(a, b)) return null;
  if (acceptsNull(a) && acceptsNull(b)) return 'Both schemas accept `null`.';
  const va = valuesOf(a);
  const vb = valuesOf(b);
  if (va && vb) return `Both schemas allow the values ${JSON.stringify(va.filter((x) => vb.some((y) => equal(x, y))))}.`;
  if (discriminator) return strict ? discriminatorAdvice(a, b, discriminator) : null;
  const props = propertyOverlap(l, r, ctx);
  if (props) return props;
  if (!a.properties && !b.properties) {
    const shared = sharedTypes(a, b);
    if (shared?.length) return `Both schemas accept ${shared.map((t) => `\`${t}\``).join(', ')}.`;
  }
  return null;
}

function discriminatorAdvice(a: Schema, b: Schema, d: Schema): string | null {
  const n = d.propertyName;
  if (typeof n !== 'string' || (requires(a, n) && requires(b, n))) return null;
  return declares(a, n) && declares(b, n)
    ? `Add \`${n}\` to \`required\` in every schema; the \`discriminator\` cannot read a property a value may omit.`
    : `Declare \`${n}\` in every schema and add it to \`required\`; the \`discriminator\` cannot read a property a value may omit.`;
}

function propertyOverlap(l: Resolved & { value: Schema }, r: Resolved & { value: Schema }, ctx: WalkContext): string | null {
  const lp = l.value.properties;
  const rp = r.value.properties;
  if (!isRecord(lp) || !isRecord(rp)) return null;
  const lr = new Set(requiredOf(l.value));
  const rr = new Set(requiredOf(r.value));
  const shared = Object.keys(lp).filter((k) => Object.hasOwn(rp, k));
  if (closedWithout(l.value, lp, rr) || closedWithout(r.value, rp, lr)) return null;
  // Each requires a property the other neither declares nor requires: they part ways.
  if ([...lr].some((k) => !hasKey(rp, k) && !rr.has(k)) && [...rr].some((k) => !hasKey(lp, k) && !lr.has(k))) return null;
  if (shared.length === 0) return null;
  const optional: string[] = [];
  const ambiguous: string[] = [];
  for (const k of shared) {
    const both = lr.has(k) && rr.has(k);
    const x = resolveMember(lp[k], ctx, l.pointer, l.file);
    const y = resolveMember(rp[k], ctx, r.pointer, r.file);
    if (!x || !y || complex(x.value) || complex(y.value)) continue;
    if (exclusive(x.value, y.value)) {
      if (both) return null;
      optional.push(k);
      continue;
    }
    ambiguous.push(k);
  }
  if (optional.length > 0)
    return `Add ${names(optional)} to \`required\` in every schema; an optional property cannot distinguish the schemas.${ambiguous.length > 0 ? ` Other shared properties: ${names(ambiguous)}.` : ''}`;
  return ambiguous.length > 0
    ? `Both schemas define ${names(ambiguous)} without constraints that exclude each other. Add a discriminator, or constrain the shared properties to different values.`
    : null;
}

const hasKey = (o: Schema, k: unknown): boolean => typeof k === 'string' && Object.hasOwn(o, k);
const names = (ks: string[]): string => ks.map((k) => `\`${k}\``).join(', ');
const requiredOf = (s: Schema): unknown[] => (Array.isArray(s.required) ? s.required : []);
const requires = (s: Schema, n: string): boolean => requiredOf(s).includes(n);
const declares = (s: Schema, n: string): boolean => isRecord(s.properties) && Object.hasOwn(s.properties, n) && s.properties[n] !== undefined;
/** `additionalProperties: false` and the other schema requires a property this one lacks: no value matches both. */
const closedWithout = (s: Schema, props: Schema, otherRequired: Set<unknown>): boolean =>
  s.additionalProperties === false && [...otherRequired].some((k) => typeof k !== 'string' || !Object.hasOwn(props, k));
const complex = (s: Schema): boolean => Object.keys(s).some((k) => !SIMPLE.has(k) && !k.startsWith('x-'));
const nullableTrue = (s: Schema): boolean => s.nullable === true;

function typesOf(s: Schema): Set<unknown> | undefined {
  if (s.type === undefined) return undefined;
  const t = new Set<unknown>(Array.isArray(s.type) ? s.type : [s.type]);
  if (nullableTrue(s)) t.add('null');
  return t;
}

const acceptsNull = (s: Schema): boolean => nullableTrue(s) || typesOf(s)?.has('null') === true;

function valuesOf(s: Schema): unknown[] | undefined {
  if (s.enum) return Array.isArray(s.enum) ? s.enum : undefined;
  return s.const !== undefined ? [s.const] : undefined;
}

/** Types both accept (`integer` when one is a number type whose values may be whole); undefined when either has no `type`. */
function sharedTypes(a: Schema, b: Schema): unknown[] | undefined {
  const ta = typesOf(a);
  const tb = typesOf(b);
  if (!ta || !tb) return undefined;
  const shared = [...ta].filter((t) => tb.has(t));
  if (shared.length > 0) return shared;
  const wholeOk = (s: Schema): boolean => {
    const v = valuesOf(s);
    return !v || v.some((x) => typeof x === 'number' && Number.isInteger(x));
  };
  const integerOverlap = ta.has('integer') && tb.has('number') ? wholeOk(b) : ta.has('number') && tb.has('integer') ? wholeOk(a) : false;
  return integerOverlap ? ['integer'] : shared;
}

/** No value matches both: disjoint values, or disjoint types. */
function exclusive(a: Schema, b: Schema): boolean {
  const va = valuesOf(a);
  const vb = valuesOf(b);
  if (va && vb) return !va.some((x) => vb.some((y) => equal(x, y)));
  return sharedTypes(a, b)?.length === 0;
}
