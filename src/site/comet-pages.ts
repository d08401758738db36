import { isObject } from '../core/json.js';
import { deref, operationObject, requestSchema, responseSchema, serversOf } from '../project/catalog/operations.js';
import { cometSnippets, exampleBody } from './example.js';
import type { CometFamily } from './families.js';
import { attr, esc, page } from './html.js';
import { fieldsTable } from './model-page.js';
import { schemaTable } from './schema-table.js';

export interface FamilyModel {
  name: string;
  id: string;
  /** Path of the model page from the site root. */
  href: string;
}

/** `comet/index.html`: every family with its routes and how many models it serves. */
export function cometIndexPage(families: readonly CometFamily[], modelsOf: (key: string) => readonly FamilyModel[]): string {
  const items = families
    .map((f) => {
      const n = modelsOf(f.key).length;
      return `<li><h2><a href="${attr(f.key)}.html">${esc(f.title)}</a></h2><p>${f.operations.length} route${f.operations.length === 1 ? '' : 's'}${n > 0 ? `, ${n} model${n === 1 ? '' : 's'}` : ''}</p>${f.description ? `<p>${esc(f.description)}</p>` : ''}</li>`;
    })
    .join('\n');
  const body = `<h1>Comet API families</h1>
<p>Comet serves its models through shared routes, grouped here by family (their Apidog folder). Send the model's id as <code>"model"</code> in the body, with the header <code>Authorization: Bearer $COMET_API_KEY</code>.</p>
${families.length === 0 ? '<p class="muted">The unified document has no Comet operations.</p>' : `<ul class="cards">\n${items}\n</ul>`}`;
  return page({ title: 'Comet API families', root: '../', current: 'comet', body });
}

/** `comet/<family>.html`: each route with its input, output and an example, then the models it serves. */
export function cometFamilyPage(doc: unknown, f: CometFamily, models: readonly FamilyModel[]): string {
  const routes = f.operations
    .map((op) => {
      const obj = operationObject(doc, op) ?? {};
      const base = serversOf(doc, op, obj)[0] ?? 'https://api.cometapi.com';
      const inSchema = requestSchema(doc, obj);
      const outSchema = responseSchema(doc, obj);
      const reqBody = deref(doc, obj.requestBody);
      const media = reqBody && isObject(reqBody.content) ? (reqBody.content['application/json'] ?? Object.values(reqBody.content)[0]) : undefined;
      const ex = cometSnippets(op.method, base, op.path, inSchema === undefined ? undefined : exampleBody(doc, media, inSchema));
      const id = `op-${op.operationId}`;
      const description = typeof obj.description === 'string' ? obj.description.trim() : '';
      return `<section id="${attr(id)}" aria-labelledby="${attr(id)}-h" tabindex="-1">
<h2 id="${attr(id)}-h"><code>${esc(op.method)} ${esc(op.path)}</code></h2>
<p>${esc(op.summary)}${op.deprecated ? ' <strong>(deprecated)</strong>' : ''}</p>
${description && description !== op.summary ? `<p>${esc(description)}</p>` : ''}
<dl class="facts"><dt>Operation id</dt><dd><code>${esc(op.operationId)}</code></dd><dt>Server</dt><dd><code>${esc(base)}</code></dd>${op.folder ? `<dt>Apidog folder</dt><dd>${esc(op.folder)}</dd>` : ''}</dl>
${inSchema === undefined ? '' : fieldsTable(`Input fields of ${op.method} ${op.path}`, schemaTable(doc, inSchema))}
${fieldsTable(`Output fields of ${op.method} ${op.path}`, schemaTable(doc, outSchema))}
<details><summary>Example: TypeScript and curl</summary>
<pre tabindex="0" aria-label="TypeScript example for ${attr(op.operationId)}"><code>${esc(ex.client)}</code></pre>
<pre tabindex="0" aria-label="curl example for ${attr(op.operationId)}"><code>${esc(ex.curl)}</code></pre>
</details>
</section>`;
    })
    .join('\n');
  const list =
    models.length === 0
      ? ''
      : `<section aria-labelledby="models-h"><h2 id="models-h">Models served here (${models.length})</h2><p class="muted">Matched from each model's name and category.</p><ul>${models.map((m) => `<li><a href="../${attr(m.href)}">${esc(m.name)}</a>${m.name === m.id ? '' : ` <code>${esc(m.id)}</code>`}</li>`).join('')}</ul></section>`;
  const body = `<nav aria-label="Breadcrumb" class="crumbs"><ol><li><a href="index.html">Comet API families</a></li><li aria-current="page">${esc(f.title)}</li></ol></nav>
<h1>${esc(f.title)}</h1>
${f.description ? `<p>${esc(f.description)}</p>` : ''}
<nav aria-label="Routes"><ul>${f.operations.map((op) => `<li><a href="#op-${attr(op.operationId)}"><code>${esc(op.method)} ${esc(op.path)}</code></a> ${esc(op.summary)}</li>`).join('')}</ul></nav>
${routes}
${list}`;
  return page({ title: f.title, root: '../', current: 'comet', body });
}
