import { cmp } from '../core/diagnostic.js';
import type { LoadedSpec } from '../project/catalog/hub-data.js';
import { operationsFor } from '../project/catalog/model-card.js';
import { COPY_JS, SEARCH_JS, SITE_CSS } from './assets.js';
import { cometFamilies } from './families.js';
import { cometFamilyPage, cometIndexPage, type FamilyModel } from './comet-pages.js';
import { downloadPage } from './download-page.js';
import { driftPage } from './drift-page.js';
import { indexPage, indexScript, sortModels } from './index-page.js';
import { modelPage, modelPath } from './model-page.js';
import { assignSlugs } from './slug.js';
import { modelKey, type SiteFile, type SiteInput, type SiteLinks, type SiteModel } from './types.js';

export interface BuildSiteOptions {
  /** How the drift report's file is named on its page. */
  driftFile?: string;
}

/**
 * The whole site as files, from the registry, the unified document and the
 * drift report. Pure and deterministic: the same input gives the same files
 * in the same order, with no dates or machine paths. Linear in models plus
 * operations: every model page is built once from indexed lookups.
 * The unified document itself is not among the files: the caller copies it
 * as `input.spec.downloadName`.
 */
export function buildSite(input: SiteInput, options: BuildSiteOptions = {}): SiteFile[] {
  const doc = input.spec.document;
  const index = input.spec.index;
  const spec: LoadedSpec = { document: doc, index, file: '' };
  const cometOps = index.operations.filter((o) => o.provider === 'comet');
  const cometSpec: LoadedSpec = { document: doc, index: { ...index, operations: cometOps }, file: '' };

  const families = cometFamilies(doc, index);
  const familyOf = new Map<string, string>();
  for (const f of families) for (const op of f.operations) familyOf.set(op.operationId, f.key);

  const byKey = [...input.models].sort((a, b) => cmp(a.entry.provider, b.entry.provider) || cmp(a.entry.id, b.entry.id));
  const slugs = assignSlugs(byKey.map((m) => ({ key: modelKey(m.entry), id: m.entry.id })));
  const modelPageOf = new Map<string, string>();
  for (const m of byKey) modelPageOf.set(modelKey(m.entry), modelPath(m.entry.provider, slugs.get(modelKey(m.entry)) ?? '_'));
  const links: SiteLinks = { modelPage: modelPageOf, familyOf };
  const href = (m: SiteModel): string => modelPageOf.get(modelKey(m.entry)) ?? '';

  const files: SiteFile[] = [];
  const familyModels = new Map<string, FamilyModel[]>();
  for (const m of byKey) {
    files.push({ path: href(m), content: modelPage(m, { spec, cometSpec, links }) });
    if (m.entry.provider !== 'comet') continue;
    const keys = new Set(operationsFor(m.entry, cometSpec).operations.map((o) => familyOf.get(o.operationId)));
    for (const k of keys) {
      if (k === undefined) continue;
      const list = familyModels.get(k) ?? [];
      list.push({ name: m.entry.displayName, id: m.entry.id, href: href(m) });
      familyModels.set(k, list);
    }
  }
  const modelsOf = (key: string): readonly FamilyModel[] => familyModels.get(key) ?? [];

  const sorted = sortModels(input.models);
  const byId = new Map<string, SiteModel[]>();
  for (const m of byKey) {
    const list = byId.get(m.entry.id);
    if (list) list.push(m);
    else byId.set(m.entry.id, [m]);
  }
  const hrefOf = (provider: string | null, id: string): string | undefined => {
    const list = byId.get(id);
    const m = list?.find((x) => x.entry.provider === provider) ?? list?.[0];
    return m ? href(m) : undefined;
  };

  files.push(
    { path: 'index.html', content: indexPage(sorted, { operations: index.operations.length, families: families.length }) },
    { path: 'assets/models.js', content: indexScript(sorted, href) },
    { path: 'assets/search.js', content: SEARCH_JS },
    { path: 'assets/copy.js', content: COPY_JS },
    { path: 'assets/site.css', content: SITE_CSS },
    { path: 'comet/index.html', content: cometIndexPage(families, modelsOf) },
    ...families.map((f) => ({ path: `comet/${f.key}.html`, content: cometFamilyPage(doc, f, modelsOf(f.key)) })),
    { path: 'drift.html', content: driftPage(input.drift, { hrefOf, file: options.driftFile ?? 'specs/drift-report.json' }) },
    {
      path: 'download.html',
      content: downloadPage(doc, {
        name: input.spec.downloadName,
        bytes: input.spec.bytes,
        sha256: input.spec.sha256,
        operations: index.operations.length,
        folders: new Set(index.operations.map((o) => o.folder).filter((f) => f !== null)).size,
      }),
    },
  );
  return files.sort((a, b) => cmp(a.path, b.path));
}
