import type { Diagnostic } from '../core/diagnostic.js';

export type Redactor = (text: string) => string;

export const REDACTED = '[redacted]';

/**
 * Replace every occurrence of a secret value (API keys, tokens) with
 * `[redacted]`. Applied to everything the fetch prints or throws, as a safety
 * net: keys only ever travel in request headers, but a server may echo them.
 */
export function makeRedactor(secrets: readonly string[]): Redactor {
  const list = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

export function redactDiagnostic(d: Diagnostic, redact: Redactor): Diagnostic {
  return {
    ...d,
    message: redact(d.message),
    ...(d.suggestion !== undefined ? { suggestion: redact(d.suggestion) } : {}),
    ...(d.file !== undefined ? { file: redact(d.file) } : {}),
    ...(d.pointer !== undefined ? { pointer: redact(d.pointer) } : {}),
  };
}

/** The name of the first secret found in `text`, for refusing to write it. */
export function findSecret(text: string, secrets: ReadonlyMap<string, string>): string | undefined {
  for (const [name, value] of secrets) if (value.length >= 4 && text.includes(value)) return name;
  return undefined;
}
