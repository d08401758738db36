import { HubError } from './errors.js';

/** What a secret is replaced with in every message, error body and output line. */
export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

/**
 * Replace every occurrence of the given secrets (API keys, the Apidog token)
 * with `[redacted]`. Keys only ever travel in request headers, but a server may
 * echo them in an error body, and a body is shown to the user as it came.
 * Unset (undefined) secrets and values shorter than 4 characters are skipped;
 * longer secrets are replaced first, so one that contains another goes whole.
 */
export function makeRedactor(secrets: Iterable<string | undefined>): Redactor {
  const list = [...new Set([...secrets].filter((s): s is string => s !== undefined && s.length >= 4))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/** The error as a HubError with every secret taken out of its text (message, and each diagnostic's message and suggestion). */
export function redactError(e: unknown, redact: Redactor): HubError {
  if (e instanceof HubError) {
    return new HubError(redact(e.message), {
      exitCode: e.exitCode,
      diagnostics: e.diagnostics.map((d) => ({
        ...d,
        message: redact(d.message),
        ...(d.suggestion === undefined ? {} : { suggestion: redact(d.suggestion) }),
      })),
    });
  }
  if (e instanceof Error) return new HubError(redact(`${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`));
  return new HubError(redact(String(e)));
}
