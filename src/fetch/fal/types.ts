/** Shapes of FAL's Platform API (`GET /v1/models`), provider-apis.md §1.2. */
export interface FalModelMetadata {
  display_name?: string;
  category?: string;
  description?: string;
  status?: string;
  tags?: string[];
  [key: string]: unknown;
}

export interface FalOpenApiError {
  error: { code?: string; message?: string };
}

export interface FalModelItem {
  endpoint_id: string;
  metadata?: FalModelMetadata;
  /** The per-endpoint OpenAPI document (`expand=openapi-3.0`), or an error object. */
  openapi?: Record<string, unknown> | FalOpenApiError;
}

export interface FalPrice {
  endpoint_id: string;
  unit_price: number;
  unit: string;
  currency: string;
  /** Where the price came from (`fal-pricing-api`, `fal-public-snapshot`, …) and its date (YYYY-MM-DD). */
  source?: string;
  as_of?: string;
}

/** Where a set of prices came from: stamped on each price the snapshot records. */
export interface PriceOrigin {
  source: string;
  /** YYYY-MM-DD. */
  asOf: string;
}

/** One entry of `specs/providers/fal/models.json`. */
export interface FalListingEntry {
  endpoint_id: string;
  metadata: FalModelMetadata | null;
  openapi: { status: 'available'; file: string; sha256: string } | { status: 'unavailable'; code: string; message: string } | { status: 'absent' };
  pricing?: { unit_price: number; unit: string; currency: string; source?: string; as_of?: string };
}

export interface FalListing {
  provider: 'fal';
  source: string;
  models: FalListingEntry[];
}
