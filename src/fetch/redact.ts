import type { Diagnostic } from '../core/diagnostic.js';
import type { Redactor } from '../core/redact.js';

/** A diagnostic with every secret taken out of its texts (the redactor itself is core/redact.ts). */
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
