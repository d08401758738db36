import { inlineRefs, selfContainedSchema } from './schema-inline.js';
import type { LoadedSpec } from './hub-data.js';
import { operationObject, requestSchema, responseSchema, serversOf } from './operations.js';
import { describePrice, type ModelEntry } from './registry-read.js';
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
 * through shared endpoints taking `model: "<id>"`; which one depends on the
 * kind of model, so they are guessed from its name and category, and said so.
 */
export function operationsFor(model: ModelEntry, spec: LoadedSpec): { operations: OperationInfo[]; guessed: boolean } {
  const idx = spec.index;
  if (model.provider !== 'comet') {
    const named = model.operationIds.map((id) => idx.byOperationId.get(id)).filter((o): o is OperationInfo => o !== undefined);
    const ops = named.length > 0 ? named : (idx.byEndpoint.get(model.id) ?? []);
    return { operations: [...ops].sort((a, b) => rank(a.role) - rank(b.role)), guessed: false };
  }
  const text = [model.id, model.category ?? '', ...model.tags].join(' ').toLowerCase();
  const tag = /kling/.test(text)
    ? 'Comet Kling'
    : /suno/.test(text)
      ? 'Comet Suno'
      : /runway|gen-?[34]/.test(text)
        ? 'Comet Runway'
        : /midjourney|\bmj[-_]/.test(text)
          ? 'Comet Midjourney'
          : /embed/.test(text)
            ? 'Comet Embeddings'
            : /\bimage\b|dall-e|gpt-image|seedream|imagen|flux|ideogram|recraft|stable-diffusion|sdxl|bria/.test(text)
              ? 'Comet Images'
              : 'Comet Chat';
  const ops = idx.operations.filter((o) => o.provider === 'comet' && o.tags.includes(tag));
  return { operations: ops, guessed: true };
}

const rank = (role: string | null): number => {
  const i = ROLE_ORDER.indexOf(role ?? '');
  return i === -1 ? ROLE_ORDER.length : i;
};

/**
 * Everything an assistant needs to call a model: metadata, price, the
 * operations that serve it, and its input and output schemas made
 * self-contained (refs inlined to `maxDepth`, deeper ones under `$defs`).
 * `spec` is null when the unified spec could not be loaded; the card then
 * says so instead of failing.
 */
export function buildModelCard(model: ModelEntry, spec: LoadedSpec | null, specError: string | null, o: CardOptions): Record<string, unknown> {
  const card: Record<string, unknown> = {
    provider: model.provider,
    id: model.id,
    name: model.displayName,
    category: model.category,
    status: model.status,
    tags: model.tags,
    price: describePrice(model.pricing) ?? 'not known (the registry has no price for this model)',
    pricing: model.pricing,
    document: model.document,
    ...(Object.keys(model.extra).length > 0 ? { more: model.extra } : {}),
  };
  if (!spec) {
    card.operations = [];
    card.note = `The unified spec could not be loaded (${specError ?? 'unknown reason'}), so operations and schemas are missing.`;
    return card;
  }
  const { operations, guessed } = operationsFor(model, spec);
  const doc = spec.document;
  card.operations = operations.map((op) => ({ role: op.role, operationId: op.operationId, method: op.method, path: op.path, summary: op.summary }));
  const submit = guessed ? operations.find((op) => hasBody(doc, op)) : operations.find((op) => op.role === 'submit');
  const result = guessed ? submit : operations.find((op) => op.role === 'result');
  if (model.provider === 'fal' && submit) {
    const base = serversOf(doc, submit, operationObject(doc, submit) ?? {})[0] ?? 'https://queue.fal.run';
    card.howToCall =
      `POST ${base}${submit.path} with header "Authorization: Key $FAL_KEY" and the input as a JSON body; ` +
      `the answer carries a request_id. Poll GET ${base}${submit.path}/requests/{request_id}/status until COMPLETED, then GET ${base}${submit.path}/requests/{request_id} for the output.`;
  } else if (model.provider === 'comet') {
    card.howToCall =
      `Comet serves this model through shared endpoints: send "model": "${model.id}" in the body, with header "Authorization: Bearer $COMET_API_KEY". ` +
      `The operations listed are a guess from the model's name and category${submit ? `; the schemas shown are those of ${submit.operationId}` : ''}.`;
  }
  if (!model.document.available && operations.length === 0) card.note = `No OpenAPI document for this model${model.document.reason ? `: ${model.document.reason}` : ''}.`;
  if (o.section === 'summary') return card;
  const wantIn = o.section === 'all' || o.section === 'input';
  const wantOut = o.section === 'all' || o.section === 'output';
  if (wantIn) card.input = schemaOf(doc, submit, 'request', o.maxDepth);
  if (wantOut) card.output = schemaOf(doc, result, 'response', o.maxDepth);
  card.inlineDepth = o.maxDepth;
  return card;
}

function hasBody(doc: unknown, op: OperationInfo): boolean {
  const obj = operationObject(doc, op);
  return obj !== undefined && requestSchema(doc, obj) !== undefined;
}

function schemaOf(doc: unknown, op: OperationInfo | undefined, which: 'request' | 'response', maxDepth: number): unknown {
  if (!op) return null;
  const obj = operationObject(doc, op);
  const schema = obj ? (which === 'request' ? requestSchema(doc, obj) : responseSchema(doc, obj)) : undefined;
  if (schema === undefined) return null;
  return selfContainedSchema(inlineRefs(doc, schema, { maxDepth }));
}
