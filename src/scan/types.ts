/** One secret found: where, what kind, and only a masked excerpt of it (never the value). */
export interface SecretFinding {
  /** Path relative to the repository root, `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** Pattern id (`fal-key`, `generic-secret`, `dotenv-file`) or secretlint rule id. */
  rule: string;
  /** What was found, e.g. "FAL API key (key id:secret)". */
  label: string;
  /** The line with every secret on it masked, cut to a readable length. */
  excerpt: string;
  /** First 12 hex digits of the SHA-256 of the secret: names it in an allowlist without writing it down. */
  fingerprint: string;
  /** Where in history (scan --since): the commit that added the line. */
  commit?: string;
}
