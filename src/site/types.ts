import type { ModelEntry } from '../project/catalog/registry-read.js';
import type { SpecIndex } from '../project/catalog/spec-index.js';
import type { SitePrice } from './price.js';

/** One model as the site shows it: the registry entry and its price read with source and date. */
export interface SiteModel {
  entry: ModelEntry;
  price: SitePrice | null;
}

/** Everything the site is built from; read at the edge (the CLI), so building is pure. */
export interface SiteInput {
  models: SiteModel[];
  spec: {
    document: unknown;
    index: SpecIndex;
    /** File name of the copy offered for download, e.g. `openapi.yaml`. */
    downloadName: string;
    bytes: number;
    sha256: string;
  };
  /** The parsed `specs/drift-report.json`, or null when there is none. */
  drift: unknown;
}

/** One file of the site: a path relative to the site root (with `/`) and its text. */
export interface SiteFile {
  path: string;
  content: string;
}

/** Where a model's page is, and the Comet family pages its operations are on. */
export interface SiteLinks {
  /** `provider:id` -> path of the model page from the site root. */
  modelPage: Map<string, string>;
  /** operationId -> family key, for Comet operations. */
  familyOf: Map<string, string>;
}

export const modelKey = (m: { provider: string; id: string }): string => `${m.provider}:${m.id}`;
