/** OpenAPI Overlay 1.0: validate and apply (see apply-overlay.ts for the choices made). */
export { applyOverlay, type OverlayFile } from './apply-overlay.js';
export { validateOverlay } from './validate-overlay.js';
