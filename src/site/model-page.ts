import { isObject } from '../core/json.js';
import type { LoadedSpec } from '../project/catalog/hub-data.js';
import { operationsFor } from '../project/catalog/model-card.js';
import { deref, operationObject, requestSchema, responseSchema, serversOf } from '../project/catalog/operations.js';
import type { OperationInfo } from '../project/catalog/spec-index.js';
import { cometSnippets, exampleBody, falSnippets, type Snippets } from './example.js';
import { attr, clip, esc, page, table } from './html.js';
import { isHttpUrl, type SitePrice } from './price.js';
import { schemaTable, type SchemaTable } from './schema-table.js';
import { modelKey, type SiteLinks, type SiteModel } from './types.js';

/** The provider's own page for a model. */
export function providerPage(provider: string, id: string): { href: string; label: string } | null {
  if (provider === 'fal') return { href: `https://fal.ai/models/${id.split('/').map(encodeURIComponent).join('/')}`, label: `${id} on fal.ai` };
  if (provider === 'comet') return { href: 'https://www.cometapi.com/pricing/', label: 'Comet API model list and prices' };
  return null;
}

/** The price as HTML: amount, then source (a link when it is a URL) and date; "no price" when there is none. */
export function priceHtml(p: SitePrice | null): string {
  if (!p) return '<span class="muted">no price</span>';
  const src =
    p.source === null ? '' : isHttpUrl(p.source) ? `source: <a href="${attr(p.source)}">${esc(new URL(p.source).host)}</a>` : `source: ${esc(p.source)}`;
  const date = p.asOf === null ? '' : `as of <time datetime="${attr(p.asOf)}">${esc(p.asOf)}</time>`;
  const meta = [src, date].filter(Boolean).join(', ');
  return `<span class="price">${esc(p.text)}</span>${meta ? ` <span class="price-meta">(${meta})</span>` : ''}`;
}

/** Rows of a schema table as HTML cells: field, type, required, enum values, default, description. */
export function fieldsTable(caption: string, t: SchemaTable): string {
  if (t.rows.length === 0)
    return t.rootType
      ? `<p>${esc(caption)}: <code>${esc(t.rootType)}</code>, no named fields.</p>`
      : `<p class="muted">${esc(caption)}: not described in the document.</p>`;
  const rows = t.rows.map((r) => [
    `<code class="lvl${Math.min(r.level, 4)}">${esc(r.field)}</code>`,
    `<code>${esc(r.type)}</code>`,
    r.required ? '<strong>yes</strong>' : 'no',
    r.enumValues.length === 0 ? '' : r.enumValues.map((v) => `<code>${esc(v)}</code>`).join(', ') + (r.enumMore > 0 ? `, … ${r.enumMore} more` : ''),
    r.defaultValue === null ? '' : `<code>${esc(clip(r.defaultValue, 120))}</code>`,
    esc(clip(r.description.replace(/\s+/g, ' '), 600)),
  ]);
  const more = t.omitted > 0 ? `<p class="muted">${t.omitted} more fields are not shown; the unified document has them all.</p>` : '';
  return table(caption, ['Field', 'Type', 'Required', 'Enum values', 'Default', 'Description'], rows, { className: 'fields' }) + more;
}

function mediaOf(doc: unknown, op: Record<string, unknown>): unknown {
  const body = deref(doc, op.requestBody);
  if (!body || !isObject(body.content)) return undefined;
  const c = body.content;
  return c['application/json'] ?? Object.values(c)[0];
}

function codeBlock(id: string, label: string, lang: string, code: string): string {
  return `<div class="code"><div class="code-head"><h3 id="${attr(id)}-h">${esc(label)}</h3><button type="button" class="copy" data-copy="${attr(id)}" aria-describedby="${attr(id)}-h">Copy</button></div><pre id="${attr(id)}" tabindex="0" aria-labelledby="${attr(id)}-h"><code class="lang-${attr(lang)}">${esc(code)}</code></pre></div>`;
}

export interface ModelPageContext {
  /** The whole document's operations (FAL lookups go by operationId and endpoint). */
  spec: LoadedSpec;
  /** The same document with only Comet's operations in its index: Comet models are matched against these. */
  cometSpec: LoadedSpec;
  links: SiteLinks;
}

/** The operations of a model, the one that takes its input and the one that returns its output, and their schemas. */
interface ModelOperations {
  operations: OperationInfo[];
  /** Comet's shared routes, chosen from the model's name and category. */
  guessed: boolean;
  submit: OperationInfo | undefined;
  submitObj: Record<string, unknown> | undefined;
  inSchema: unknown;
  outSchema: unknown;
}

/** The page of one model; `path` is its place from the site root (two levels down). */
export function modelPage(m: SiteModel, ctx: ModelPageContext): string {
  const e = m.entry;
  const doc = ctx.spec.document;
  const ops = modelOperations(m, ctx);
  const { operations, submit, inSchema, outSchema } = ops;
  const snippets = modelSnippets(m, doc, ops);
  const body = `<nav aria-label="Breadcrumb" class="crumbs"><ol><li><a href="../../index.html">Models</a></li><li><a href="../../index.html#category=${attr(encodeURIComponent(e.category ?? '-'))}">${esc(e.category ?? 'uncategorized')}</a></li><li aria-current="page">${esc(e.displayName)}</li></ol></nav>
<h1>${esc(e.displayName)}</h1>
<dl class="facts">${modelFacts(m)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('')}</dl>
<section aria-labelledby="input-h"><h2 id="input-h">Input</h2>
${fieldsTable(`Input fields of ${e.id}`, schemaTable(doc, inSchema))}
</section>
<section aria-labelledby="output-h"><h2 id="output-h">Output</h2>
${fieldsTable(`Output fields of ${e.id}`, schemaTable(doc, outSchema))}
</section>
<section aria-labelledby="example-h"><h2 id="example-h">Example</h2>
${snippets ? codeBlock('ex-ts', 'TypeScript, with the typed client', 'ts', snippets.client) + codeBlock('ex-curl', 'curl', 'sh', snippets.curl) : '<p class="muted">No operation with an input for this model in the unified document.</p>'}
<p class="sr-only" role="status" id="copy-status"></p>
</section>
<section aria-labelledby="ops-h"><h2 id="ops-h">Operations</h2>
${operationsIntro(m, ops)}
${operations.length > 0 ? table(`Operations of ${e.id}`, ['Role', 'Method', 'Path', 'Operation id', 'Apidog folder'], operationRows(operations, submit, ctx.links)) : '<p class="muted">None in the unified document.</p>'}
<p><a href="../../download.html">Download the unified document</a> to import these operations into Apidog.</p>
</section>`;
  return page({
    title: e.displayName,
    root: '../../',
    current: 'models',
    body,
    scripts: ['assets/copy.js'],
    description: `${e.displayName} (${e.provider}): price, input and output fields, and examples.`,
  });
}

/** Finds the model's operations; for Comet's guessed routes the first with a request body is both submit and result. */
function modelOperations(m: SiteModel, ctx: ModelPageContext): ModelOperations {
  const e = m.entry;
  const doc = ctx.spec.document;
  const { operations, guessed } = operationsFor(e, e.provider === 'comet' ? ctx.cometSpec : ctx.spec);
  const hasBody = (op: OperationInfo): boolean => {
    const o = operationObject(doc, op);
    return o !== undefined && requestSchema(doc, o) !== undefined;
  };
  const submit = guessed ? operations.find(hasBody) : operations.find((op) => op.role === 'submit');
  const result = guessed ? submit : (operations.find((op) => op.role === 'result') ?? submit);
  const submitObj = submit ? operationObject(doc, submit) : undefined;
  const resultObj = result ? operationObject(doc, result) : undefined;
  const inSchema = submitObj ? requestSchema(doc, submitObj) : undefined;
  const outSchema = resultObj ? responseSchema(doc, resultObj) : undefined;
  return { operations, guessed, submit, submitObj, inSchema, outSchema };
}

/** The TypeScript and curl examples of calling the submit operation, or null when there is none. */
function modelSnippets(m: SiteModel, doc: unknown, ops: ModelOperations): Snippets | null {
  const e = m.entry;
  const { submit, submitObj, inSchema } = ops;
  if (!submit || !submitObj) return null;
  const base = serversOf(doc, submit, submitObj)[0] ?? (e.provider === 'fal' ? 'https://queue.fal.run' : 'https://api.cometapi.com');
  let body = inSchema === undefined ? undefined : exampleBody(doc, mediaOf(doc, submitObj), inSchema);
  if (e.provider === 'fal') return falSnippets(e.id, base, submit.path, body ?? {});
  if (body && 'model' in body) body = { ...body, model: e.id };
  else if (body && isObject(inSchema)) body = { model: e.id, ...body };
  return cometSnippets(submit.method, base, submit.path, body);
}

/** The facts list at the top: id, provider, category, status, price, tags, the provider's page. */
function modelFacts(m: SiteModel): Array<[string, string]> {
  const e = m.entry;
  const provider = providerPage(e.provider, e.id);
  const facts: Array<[string, string]> = [
    ['Id', `<code>${esc(e.id)}</code>`],
    ['Provider', e.provider === 'fal' ? 'FAL' : e.provider === 'comet' ? 'Comet API' : esc(e.provider)],
    ['Category', e.category ? esc(e.category) : '<span class="muted">uncategorized</span>'],
    ['Status', esc(e.status) + (e.document.reason ? ` <span class="muted">(${esc(e.document.reason)})</span>` : '')],
    ['Price', priceHtml(m.price)],
  ];
  if (e.tags.length > 0) facts.push(['Tags', e.tags.map((t) => `<code>${esc(t)}</code>`).join(', ')]);
  if (provider) facts.push(["Provider's page", `<a href="${attr(provider.href)}">${esc(provider.label)}</a>`]);
  return facts;
}

/** The paragraph before the operations table, then the anchors `#op-<operationId>` (those of a known, not guessed, family). */
function operationsIntro(m: SiteModel, { operations, guessed, submit }: ModelOperations): string {
  const e = m.entry;
  const opIntro = guessed
    ? `<p>Comet serves this model through shared routes: send <code>"model": ${esc(JSON.stringify(e.id))}</code> in the body. The routes below are chosen from the model's name and category; the input and output shown are those of <code>${esc(submit?.operationId ?? 'none')}</code>.</p>`
    : e.provider === 'fal'
      ? '<p>FAL runs the model on its queue: submit, poll the status, then read the result (the typed client does all three).</p>'
      : '';
  const anchors = guessed ? '' : operations.map((op) => `<span id="op-${attr(op.operationId)}"></span>`).join('');
  return opIntro + anchors;
}

/** One row per operation: role, method, path, operation id (linked to its Comet family page), Apidog folder. */
function operationRows(operations: readonly OperationInfo[], submit: OperationInfo | undefined, links: SiteLinks): string[][] {
  return operations.map((op) => {
    const fam = links.familyOf.get(op.operationId);
    const idCell = fam
      ? `<a href="../../comet/${attr(fam)}.html#op-${attr(op.operationId)}"><code>${esc(op.operationId)}</code></a>`
      : `<code>${esc(op.operationId)}</code>`;
    return [
      esc(op.role ?? (op === submit ? 'call' : '')),
      `<code>${esc(op.method)}</code>`,
      `<code>${esc(op.path)}</code>`,
      idCell,
      op.folder ? esc(op.folder) : '',
    ];
  });
}

export const modelPath = (provider: string, slug: string): string => `models/${provider}/${slug}.html`;
export { modelKey };
