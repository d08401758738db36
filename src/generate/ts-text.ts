/**
 * Small helpers for writing TypeScript and JavaScript source text.
 * Every literal goes through here, so generated code never depends on what a
 * provider put in an endpoint id, a path or a summary.
 */

/** A double-quoted string literal, valid in both JS and TS. */
export function stringLiteral(value: string): string {
  // JSON escapes quotes, backslashes and control characters; U+2028/2029 are legal in ES2019+ strings.
  return JSON.stringify(value);
}

/** Text that is safe inside a `/** ... *\/` comment on one line. */
export function commentText(value: string): string {
  return value
    .replace(/\*\//g, '*\\/')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A one-line JSDoc comment, or nothing when there is no text. */
export function jsDoc(text: string | undefined, indent: string): string {
  if (text === undefined) return '';
  const body = commentText(text);
  return body === '' ? '' : `${indent}/** ${body} */\n`;
}

/** `paths["/a"]["post"]`: an indexed access into openapi-typescript's `paths` interface. */
export function pathsAccess(path: string, method: string): string {
  return `paths[${stringLiteral(path)}][${stringLiteral(method)}]`;
}
