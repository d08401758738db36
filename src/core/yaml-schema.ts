import yaml from 'js-yaml';

/**
 * The YAML 1.2 core schema for js-yaml, as one implicit type with a cheap
 * first-character test. js-yaml's own CORE/DEFAULT schemas try every implicit
 * type's regular expressions on every plain scalar (a third of the parse time
 * of a 5 MB document), and DEFAULT turns dates into `Date` objects and applies
 * `<<` merge keys, which YAML 1.2 (and the `yaml` package used elsewhere in the
 * hub) does not.
 *
 * Resolution follows YAML 1.2.2 §10.3.2 (the `yaml` package's `core` schema):
 * null `~|null|Null|NULL`, booleans `true|True|TRUE|false|False|FALSE`, integers
 * (decimal, `0o` octal, `0x` hex), floats, `.inf`/`.nan`. Everything else is a string.
 */
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

const NO_MATCH: unique symbol = Symbol('string');

/** What a plain scalar resolves to, or NOT_A_CORE_SCALAR when it is a string (shared with core/yaml-subset.ts). */
export const NOT_A_CORE_SCALAR: typeof NO_MATCH = NO_MATCH;

export function resolveScalar(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  switch (c) {
    case 0x7e: // ~
      return s.length === 1 ? null : NO_MATCH;
    case 0x6e: // n
    case 0x4e: // N
      return s === 'null' || s === 'Null' || s === 'NULL' ? null : NO_MATCH;
    case 0x74: // t
    case 0x54: // T
      return s === 'true' || s === 'True' || s === 'TRUE' ? true : NO_MATCH;
    case 0x66: // f
    case 0x46: // F
      return s === 'false' || s === 'False' || s === 'FALSE' ? false : NO_MATCH;
    default:
      break;
  }
  const isDigit = c >= 0x30 && c <= 0x39;
  if (!isDigit && c !== 0x2d && c !== 0x2b && c !== 0x2e) return NO_MATCH; // - + .
  if (INT.test(s)) return Number(s);
  if (c === 0x30 && s.length > 2) {
    if (OCT.test(s)) return parseInt(s.slice(2), 8);
    if (HEX.test(s)) return parseInt(s.slice(2), 16);
  }
  if (FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.charCodeAt(0) === 0x2d ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return NO_MATCH;
}

// resolve() runs first and caches its result for construct(), which js-yaml calls right after.
let last: unknown = NO_MATCH;
const coreScalar = new yaml.Type('tag:api-hub,2025:core-scalar', {
  kind: 'scalar',
  resolve: (data: unknown) => {
    last = typeof data === 'string' ? resolveScalar(data) : NO_MATCH;
    return last !== NO_MATCH;
  },
  construct: () => last,
});

export const CORE_SCHEMA_FAST = yaml.FAILSAFE_SCHEMA.extend({ implicit: [coreScalar] });

/** Exported for tests: what a plain scalar resolves to (`undefined` means "a string"). */
export function resolvePlainScalar(s: string): { value: unknown } | undefined {
  const v = resolveScalar(s);
  return v === NO_MATCH ? undefined : { value: v };
}
