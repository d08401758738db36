import { classifyCometModel } from '../../registry/comet-category.js';
import { words } from './rank.js';
import type { OperationInfo, SpecIndex } from './spec-index.js';

/**
 * Which operations of the unified document serve a Comet model. Comet serves
 * every model through shared routes that take `"model": "<id>"`, so they follow
 * from the model's family (its native routes: Midjourney's `/mj/…`, Kling's
 * `/kling/…`) and its category (the OpenAI-format route of that kind:
 * `/v1/chat/completions` for an llm, `/v1/videos` for a video model). Both
 * tables match operations generically, by path, tags and `x-apidog-folder`, so
 * they hold for any version of the Comet document.
 */

/** Category -> the OpenAI-format paths that serve it, best first. */
const CATEGORY_ROUTES: Readonly<Record<string, readonly RegExp[]>> = {
  llm: [/^\/v1\/chat\/completions$/, /^\/v1\/responses$/],
  vision: [/^\/v1\/chat\/completions$/, /^\/v1\/responses$/],
  embeddings: [/^\/v1\/embeddings$/],
  moderation: [/^\/v1\/moderations$/],
  'text-to-image': [/^\/v1\/images\/generations$/],
  'image-to-image': [/^\/v1\/images\/edits$/, /^\/v1\/images\/generations$/],
  'text-to-speech': [/^\/v1\/audio\/speech$/],
  'speech-to-text': [/^\/v1\/audio\/transcriptions$/, /^\/v1\/audio\/translations$/],
  'text-to-video': [/^\/v1\/videos$/, /^\/v1\/videos\/\{[^/}]+\}$/, /^\/v1\/videos\/\{[^/}]+\}\/content$/],
  'image-to-video': [/^\/v1\/videos$/, /^\/v1\/videos\/\{[^/}]+\}$/, /^\/v1\/videos\/\{[^/}]+\}\/content$/],
};

interface FamilyRoute {
  /** Tested against `path`, tags and `x-apidog-folder` of each Comet operation, lower-cased. */
  match: RegExp;
  /** The family's own routes are the way to call it (task APIs), rather than an alternative to the category's route. */
  native: boolean;
}

/** Family (registry tag from comet-category.ts) -> its own routes. */
const FAMILY_ROUTES: Readonly<Record<string, FamilyRoute>> = {
  midjourney: { match: /midjourney|\/mj\//, native: true },
  suno: { match: /suno/, native: true },
  kling: { match: /kling/, native: true },
  runway: { match: /runway/, native: true },
  luma: { match: /luma/, native: true },
  bytedance: { match: /\/volc\//, native: false },
  flux: { match: /\/flux\//, native: false },
  claude: { match: /^\/v1\/messages$|anthropic/, native: false },
  gemini: { match: /^\/v1beta\/models|gemini/, native: false },
};

/** Ids in `owner/name` form (black-forest-labs/flux-dev) are also served by the Replicate-style routes. */
const REPLICATE: FamilyRoute = { match: /\/replicate\//, native: false };

/** The catalog routes list models; they serve none. */
const CATALOG = /^\/(v1|api)\/models$/;

export interface CometRoutes {
  /** Native family routes first, then the category's. */
  operations: OperationInfo[];
  /** The operation whose request the card describes: the one to call first. */
  primary: OperationInfo | undefined;
}

export function cometRoutes(index: SpecIndex, model: { id: string; category: string | null; tags: readonly string[] }): CometRoutes {
  const comet = index.operations.filter((o) => (o.provider === 'comet' || o.tags.some((t) => /^comet\b/i.test(t))) && !CATALOG.test(o.path));
  // A registry written before Comet models had categories and families (category = the catalog's model_type) is classified here.
  const c = classifyCometModel({ id: model.id, modelType: model.category });
  const categoryName = model.category !== null && model.category in CATEGORY_ROUTES ? model.category : c.category;
  const families = [...new Set([...model.tags, ...(c.family ? [c.family] : [])])].map((t) => FAMILY_ROUTES[t]).filter((f): f is FamilyRoute => f !== undefined);
  if (model.id.includes('/')) families.push(REPLICATE);
  const haystack = (o: OperationInfo): string => [o.path, ...o.tags, o.folder ?? ''].join('\n').toLowerCase();
  const family = comet.filter((o) => families.some((f) => f.match.test(haystack(o)) || f.match.test(o.path)));
  const category: OperationInfo[] = [];
  for (const re of CATEGORY_ROUTES[categoryName ?? ''] ?? []) for (const o of comet) if (re.test(o.path) && !category.includes(o)) category.push(o);
  const native = families.some((f) => f.native) && family.length > 0;
  const ordered = native
    ? [...sortFamily(family, model.id, categoryName), ...category.filter((o) => !family.includes(o))]
    : [...category, ...sortFamily(family, model.id, categoryName).filter((o) => !category.includes(o))];
  const primary = ordered.find((o) => o.method === 'POST') ?? ordered[0];
  return { operations: ordered, primary };
}

/**
 * A family's routes, the one closest to the model id first (`mj_fast_describe`
 * -> `/mj/submit/describe`, `runwayml_image_to_video` -> `/runwayml/v1/image_to_video`, a
 * text-to-video model -> `…/text2video`), submits (POST) before polls, then by path.
 */
function sortFamily(ops: readonly OperationInfo[], id: string, category: string | null): OperationInfo[] {
  const idWords = new Set(words(id.replace(/_/g, ' ')));
  // `text-to-video` also favours a path naming its input (`text2video` over `image2video`).
  const input = category?.split('-to-')[0] ?? '';
  const shared = (o: OperationInfo): number => {
    let n = input && category !== input && o.path.toLowerCase().includes(input) ? 1 : 0;
    for (const w of new Set(words(`${o.path.replace(/_/g, ' ')} ${o.operationId.replace(/([a-z])([A-Z])/g, '$1 $2')}`))) if (idWords.has(w)) n++;
    return n;
  };
  return [...ops].sort(
    (a, b) => Number(b.method === 'POST') - Number(a.method === 'POST') || shared(b) - shared(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}
