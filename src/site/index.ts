export { buildSite, type BuildSiteOptions } from './build.js';
export { loadSiteInput, type LoadedSiteInput } from './load.js';
export { writeSite, SITE_MARKER } from './write.js';
export type { SiteFile, SiteInput, SiteModel } from './types.js';
