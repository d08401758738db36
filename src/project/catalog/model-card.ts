import { inlineRefs } from './schema-inline.js';
import { compactSchema, fieldSummary } from './schema-compact.js';
import { cometRoutes } from './comet-routes.js';
import type { LoadedSpec } from './hub-data.js';
import { operationObject, requestSchema, responseSchema, serversOf } from './operations.js';
import { describePrice, howToGetPrice, type ModelEntry } from './registry-read.js';
import type { OperationInfo } from './spec-index.js';

export const MODEL_SECTIONS = ['all', 'summary', 'input', 'output'] as const;
export type ModelSection = (typeof MODEL_SECTIONS)[number];

export interface CardOptions {
  section: ModelSection;
  /** Levels of nested `$ref`s inlined in the schemas. */
  maxDepth: number;
}

const ROLE_ORDER = ['submit', 'status', 'result', 'cancel'];

/**
 * Which operations serve a model. FAL: the four queue operations named in the
 * registry (or found by `x-hub-source.endpointId`). Comet serves every model
 * through shared routes taking `model: "<id>"`: those of its family and
 * category (comet-routes.ts), derived, and said so.
 */
export function operationsFor(model: ModelEntry, spec: LoadedSpec): { operations: OperationInfo[]; guessed: boolean; primary?: OperationInfo | undefined } {
  const idx = spec.index;
  if (model.provider !== 'comet') {
    const named = model.operationIds.map((id) => idx.byOperationId.get(id)).filter((o): o is OperationInfo => o !== undefined);
    const ops = named.length > 0 ? named : (idx.byEndpoint.get(model.id) ?? []);
    return { operations: [...ops].sort((a, b) => rank(a.role) - rank(b.role)), guessed: false };
  }
  const r = cometRoutes(idx, model);
  return { operations: r.operations, guessed: true, primary: r.primary };
}

const rank = (role: string | null): number => {
  const i = ROLE_ORDER.indexOf(role ?? '');
  return i === -1 ? ROLE_ORDER.length : i;
};

/** Where the full list of a long enum (Comet's model ids) is, for compacted schemas. */
const ENUM_HINT = 'list them with search_models (e.g. provider "comet"), or read the resource api-hub://models/comet.';

/**
 * Everything an assistant needs to call a model: metadata, price, the
 * operations that serve it, and its input and output schemas made
 * self-contained: refs inlined to `maxDepth`, deeper and recursive ones
 * pointing to `#/$defs/<name>` in the card's own `$defs` (one section for
 * input and output), so every ref resolves inside the answer. Enums of more
 * than 40 values are described, not listed. A Comet model's card (section
 * "all" or "summary") names its routes and summarizes the fields of the one
 * to call; its full schemas come with section "input" or "output".
 * `spec` is null when the unified spec could not be loaded; the card then
 * says so instead of failing.
 */
export function buildModelCard(model: ModelEntry, spec: LoadedSpec | null, specError: string | null, o: CardOptions): Record<string, unknown> {
  const comet = model.provider === 'comet';
  const card: Record<string, unknown> = {
    provider: model.provider,
    id: model.id,
    name: model.displayName,
    category: model.category,
    status: model.status,
    tags: model.tags,
    price: describePrice(model.pricing) ?? `not known: the registry has no price for this model. ${howToGetPrice(model.provider)}`,
    pricing: model.pricing,
    ...(comet ? {} : { document: model.document }),
    ...(Object.keys(model.extra).length > 0 ? { more: model.extra } : {}),
  };
  if (!spec) {
    card.operations = [];
    card.note = `The unified spec could not be loaded (${specError ?? 'unknown reason'}), so operations and schemas are missing.`;
    return card;
  }
  const { operations, guessed, primary } = operationsFor(model, spec);
  const doc = spec.document;
  card.operations = operations.map((op) => ({
    ...(op.role ? { role: op.role } : {}),
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    summary: op.summary,
  }));
  const submit = guessed
    ? primary && hasBody(doc, primary)
      ? primary
      : operations.find((op) => hasBody(doc, op))
    : operations.find((op) => op.role === 'submit');
  const result = guessed ? submit : operations.find((op) => op.role === 'result');
  if (model.provider === 'fal' && submit) {
    const base = serversOf(doc, submit, operationObject(doc, submit) ?? {})[0] ?? 'https://queue.fal.run';
    card.howToCall =
      `POST ${base}${submit.path} with header "Authorization: Key $FAL_KEY" and the input as a JSON body; ` +
      `the answer carries a request_id. Poll GET ${base}${submit.path}/requests/{request_id}/status until COMPLETED, then GET ${base}${submit.path}/requests/{request_id} for the output.`;
  } else if (comet) {
    card.howToCall = cometHowToCall(model, doc, submit, operations);
  }
  if (!model.document.available && operations.length === 0)
    card.note = `No OpenAPI document for this model${model.document.reason ? `: ${model.document.reason}` : ''}.`;
  if (o.section === 'summary') return card;
  if (comet && o.section === 'all') {
    const obj = submit ? operationObject(doc, submit) : undefined;
    const req = obj ? requestSchema(doc, obj) : undefined;
    card.input = req === undefined ? null : fieldSummary(doc, req);
    card.output = submit ? `the response of ${submit.operationId}: get_model with section "output", or get_operation "${submit.operationId}"` : null;
    return card;
  }
  const wantIn = o.section === 'all' || o.section === 'input';
  const wantOut = o.section === 'all' || o.section === 'output';
  const schemas: Record<string, unknown> = {};
  if (wantIn) schemas.input = schemaOf(doc, submit, 'request') ?? null;
  if (wantOut) schemas.output = schemaOf(doc, result, 'response') ?? null;
  // One inlining over both, so they share one `$defs` at the card's root: `#/$defs/<name>` resolves in the answer.
  const r = inlineRefs(doc, schemas, { maxDepth: o.maxDepth });
  const value = compactSchema(r.value, ENUM_HINT) as Record<string, unknown>;
  Object.assign(card, value);
  if (Object.keys(r.defs).length > 0) card.$defs = compactSchema(r.defs, ENUM_HINT);
  card.inlineDepth = o.maxDepth;
  return card;
}

/** How to call a Comet model: the route, the auth header, the model field, and what to ask for the full schemas. */
function cometHowToCall(model: ModelEntry, doc: unknown, submit: OperationInfo | undefined, operations: readonly OperationInfo[]): string {
  if (!submit) {
    return `Comet serves models through shared routes with "model": "${model.id}" in the body and header "Authorization: Bearer $COMET_API_KEY"; no route of the unified document matches this model's category (${model.category ?? 'unknown'}): search_operations with provider "comet" lists them all.`;
  }
  const base = serversOf(doc, submit, operationObject(doc, submit) ?? {})[0] ?? 'https://api.cometapi.com';
  const polls = operations.filter((op) => op.method === 'GET' && op !== submit && /\{[^}]+\}/.test(op.path)).slice(0, 2);
  return (
    `${submit.method} ${base}${submit.path} with header "Authorization: Bearer $COMET_API_KEY" and a JSON body with "model": "${model.id}" and the fields under "input". ` +
    (polls.length > 0 ? `It starts a task: poll ${polls.map((p) => `${p.method} ${p.path}`).join(' or ')} with the id it returns. ` : '') +
    `The routes are derived from the model's family and category (${model.category ?? 'unknown'}); full request and response schemas: get_operation "${submit.operationId}", or get_model with section "input" or "output".`
  );
}

function hasBody(doc: unknown, op: OperationInfo): boolean {
  const obj = operationObject(doc, op);
  return obj !== undefined && requestSchema(doc, obj) !== undefined;
}

function schemaOf(doc: unknown, op: OperationInfo | undefined, which: 'request' | 'response'): unknown {
  if (!op) return undefined;
  const obj = operationObject(doc, op);
  return obj ? (which === 'request' ? requestSchema(doc, obj) : responseSchema(doc, obj)) : undefined;
}
