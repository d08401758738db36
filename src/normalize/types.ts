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

/** What a schema pass does in one document: a visitor for every Schema Object, and a last step. */
export interface SchemaPassVisitor {
  /** Called for every schema of the document, parents first. */
  schema(schema: Obj, ptr: string): void;
  /** Called once after the walk (report totals, change the document). */
  leave?(): void;
}

/**
 * A named normalization pass. Passes run on the build's private clone of each
 * source document and mutate it in place; they never see the caller's data.
 *
 * A pass either works on the whole document (`run`), or is a schema pass
 * (`schemas`): a factory, called per document, for a visitor of every Schema
 * Object, or undefined to leave the document alone. Consecutive schema passes
 * share one walk of the document (see run-passes.ts): each schema is visited
 * by each pass in order, parents before children.
 */
export type Pass = PassInfo &
  (
    | { run(src: SourceDocument, ctx: PassContext): void; schemas?: never }
    | { schemas(src: SourceDocument, ctx: PassContext): SchemaPassVisitor | undefined; run?: never }
  );

export interface PassInfo {
  name: string;
  description: string;
  /** Which providers the pass applies to; undefined = all. */
  providers?: readonly string[];
}
