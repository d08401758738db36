/** What a secret is replaced with in every message, error body and output line. */
export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

/**
 * Replace every occurrence of the given secrets (the Apidog token, provider
 * keys). The token only ever travels in the Authorization header, but a server
 * may echo it in an error body, and a body is shown to the user as it came.
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
