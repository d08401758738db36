import { makeRedactor, type Redactor } from '../core/redact.js';

/**
 * A redactor for keys that may travel in a URL: Comet's quota endpoint takes
 * the key in the query string (`?key=…`), where it appears percent-encoded. So
 * every form is taken out: as it is, `encodeURIComponent`'s and the
 * form-encoding of URLSearchParams (`+` for a space).
 */
export function urlKeyRedactor(keys: Iterable<string | undefined>): Redactor {
  const forms: string[] = [];
  for (const k of keys) {
    if (k === undefined || k.length < 4) continue;
    forms.push(k, encodeURIComponent(k), new URLSearchParams({ k }).toString().slice(2));
  }
  return makeRedactor(forms);
}
