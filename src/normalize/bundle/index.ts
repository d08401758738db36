/** Multi-file descriptions -> one document (see bundle.ts). */
export { bundleFileSet, type BundleResult, type BundleFinding } from './bundle.js';
export { loadFileSet, resolveRef, isUrl, type FileSet, type FileSetOptions, type LocationReader } from './file-set.js';
export type { OasFamily } from './object-types.js';
