/**
 * The `format` checks the precompiled OpenAPI validators call (see
 * scripts/build-validators.mjs, which names these functions in the generated code).
 *
 * They are deliberately lenient: the official schemas put `format: uri-reference`
 * on every `$ref` and `format: uri` on URLs, and real descriptions use templated
 * URLs (`https://{region}.example.com`), spaces in refs and the like. A format
 * check should catch a value that is clearly of the wrong kind, never flood a
 * real spec with false errors (the 2021 3.1 schema's `format: uri` on `$ref` did).
 */
export type FormatCheck = (value: string) => boolean;

// No ASCII control characters; whitespace is tolerated inside (templates, prose in real specs).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const uriReference: FormatCheck = (s) => !CONTROL.test(s);
const uri: FormatCheck = (s) => SCHEME.test(s) && !CONTROL.test(s) && !/\s/.test(s);
const email: FormatCheck = (s) => /^[^\s@]+@[^\s@]+$/.test(s);
// ECMA-262 (with or without `u`). A leading PCRE inline-flag group such as `(?i)` (PayPal
// uses it) is tolerated: not portable, but a dialect question for a lint rule, not a broken document.
const regex: FormatCheck = (s) => {
  const body = s.replace(/^\(\?[imsx]+\)/, '');
  return compiles(body, 'u') || compiles(body, '');
};
// type/subtype, wildcards allowed, optional parameters (`application/json; charset=utf-8`); a
// comma-separated list of them too: an Encoding Object's `contentType` may name several
// (`image/png, image/jpeg`), and 3.1 puts this format on it (3.2 dropped it there for that reason).
const oneMediaRange = /^[^\s/;,]+\/[^\s/;,]+\s*(;.*)?$/;
const mediaRange: FormatCheck = (s) => s.split(',').every((part) => oneMediaRange.test(part.trim()));

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** Every format named in the vendored schemas; the build script fails on a format missing here. */
export const formats: Readonly<Record<string, FormatCheck>> = {
  uri,
  'uri-reference': uriReference,
  iri: uri,
  'iri-reference': uriReference,
  email,
  regex,
  'media-range': mediaRange,
};
