import type { Diagnostic } from '../core/diagnostic.js';

export type Obj = Record<string, unknown>;

/** One provider document going into the build. */
export interface SourceDocument {
  provider: string;
  /** Endpoint id for FAL; the provider name for single-document providers. */
  sourceId: string;
  /** Project-relative path of the source file. */
  file: string;
  sha256: string;
  doc: Obj;
  meta?: { displayName?: string; category?: string; description?: string };
}

/** A finding of the build, traceable to the source document it came from. */
export interface BuildFinding extends Diagnostic {
  provider: string;
  sourceId: string;
}

export interface PassContext {
  report(finding: Omit<BuildFinding, 'provider' | 'sourceId' | 'file'> & { file?: string }): void;
}

/**
 * A named normalization pass. Passes run on the build's private clone of each
 * source document and mutate it in place; they never see the caller's data.
 */
export interface Pass {
  name: string;
  description: string;
  /** Which providers the pass applies to; undefined = all. */
  providers?: readonly string[];
  run(src: SourceDocument, ctx: PassContext): void;
}
