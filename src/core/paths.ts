import { isAbsolute, join, relative, sep } from 'node:path';

/** Where everything lives, relative to the project root (docs/architecture.md). */
export function projectPaths(root: string) {
  return {
    root,
    providers: join(root, 'specs/providers'),
    falDir: join(root, 'specs/providers/fal'),
    falListing: join(root, 'specs/providers/fal/models.json'),
    cometDir: join(root, 'specs/providers/comet'),
    cometSpec: join(root, 'specs/providers/comet/openapi.yaml'),
    cometCatalogDir: join(root, 'specs/providers/comet/catalog'),
    cometCatalog: join(root, 'specs/providers/comet/catalog/v1-models.json'),
    overlays: join(root, 'specs/overlays'),
    unified: join(root, 'specs/openapi.yaml'),
    /** The unified document as JSON, with the sha256 of the YAML it mirrors: fast to load (MCP server). */
    unifiedIndex: join(root, 'specs/openapi.index.json'),
    buildReport: join(root, 'specs/build-report.json'),
    registry: join(root, 'data/model_registry.json'),
    generated: join(root, 'generated'),
  };
}
export type ProjectPaths = ReturnType<typeof projectPaths>;

/** A path for messages: relative to the root, with `/` separators. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** Whether `path` is `root` itself or lies under it (both absolute; no symlinks followed). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}
