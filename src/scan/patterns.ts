/**
 * The project's own secret shapes, beside secretlint's recommended preset
 * (which knows OpenAI's `…T3BlbkFJ…` keys, AWS, GCP, GitHub, Slack, npm,
 * private keys, basic auth in URLs and more, but none of the hub's providers).
 *
 * Each pattern finds one value; `value` is the capture group holding the
 * secret itself (what is masked, fingerprinted and measured), 0 for the whole
 * match. Keep every regex linear: no nested quantifiers.
 */
export interface SecretPattern {
  id: string;
  /** What was found, for the message. */
  label: string;
  regex: RegExp;
  value: number;
  /** Extra check on the value (entropy, placeholders); a pattern without one always reports. */
  accept?: (value: string) => boolean;
}

/** Bits per character (Shannon) of a string. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PLACEHOLDER =
  /^(?:x+|\*+|\.+|<[^>]*>?|\$\{.*|\$\(.*|\{\{.*|%.*|process\.env.*|env\..*|your.*|my.*|change.?me.*|example.*|dummy.*|fake.*|test.*|redacted.*|\[redacted\].*|placeholder.*|none|null|undefined|true|false)$/i;

/**
 * A generic value beside a key-like name is reported only when it looks like a
 * real token: 20+ characters, letters and digits mixed, not a placeholder, and
 * at least 3.5 bits of entropy per character (random base64/hex keys are 4–6;
 * words, paths and identifiers are lower). No run of 5 identical characters.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 20) return false;
  if (PLACEHOLDER.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/(.)\1{4}/.test(value)) return false;
  if (/^[a-z]+(?:[-_.][a-z0-9]+)*$/i.test(value) && !/[0-9].*[0-9].*[0-9]/.test(value)) return false;
  return entropy(value) >= 3.5;
}

/** Names that hold credentials: FAL_KEY, api_key, x-api-key, accessToken, client_secret, password, COMET_API_KEY … */
const KEY_NAME = String.raw`(?:[A-Za-z0-9_.-]*?(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|admin[_-]?key|fal[_-]?key|auth[_-]?token|access[_-]?token|bearer[_-]?token|api[_-]?token|refresh[_-]?token|client[_-]?secret|secret|password|passwd|credentials?)|token|key)`;

export const PATTERNS: readonly SecretPattern[] = [
  {
    id: 'fal-key',
    label: 'FAL API key (key id:secret)',
    regex: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{24,}\b/gi,
    value: 0,
  },
  {
    id: 'openai-key',
    label: 'OpenAI API key (sk-proj-/sk-svcacct-/sk-admin-)',
    regex: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}/g,
    value: 0,
  },
  {
    id: 'sk-key',
    label: 'Comet API or OpenAI-style key (sk-…)',
    regex: /\bsk-[A-Za-z0-9]{32,}\b/g,
    value: 0,
  },
  {
    id: 'apidog-token',
    label: 'Apidog access token (APS-…)',
    regex: /\bAPS-[A-Za-z0-9]{24,}\b/g,
    value: 0,
  },
  {
    id: 'bearer-token',
    label: 'token in an Authorization header',
    regex: /\b(?:Bearer|Key)\s+([A-Za-z0-9_\-.:+/=]{20,})/g,
    value: 1,
    accept: looksRandom,
  },
  {
    id: 'generic-secret',
    label: 'high-entropy value beside a key-like name',
    // name, optional closing quote, := or :, optional opening quote, the value.
    regex: new RegExp(String.raw`(?<![A-Za-z0-9])${KEY_NAME}["']?\s*(?::=|=>|[:=])\s*["'\`]?([A-Za-z0-9_\-.:+/=]{20,})`, 'gi'),
    value: 1,
    accept: looksRandom,
  },
];

/** `.env`, `.env.local`, `config/.env.production` …, but not `.env.example`. */
export function isDotEnvPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^\.env(?:\..+)?$/i.test(base) && base.toLowerCase() !== '.env.example';
}
