import { isObject } from '../core/json.js';
import { attr, esc, page } from './html.js';

export interface DownloadInfo {
  /** File name of the copy next to this page. */
  name: string;
  bytes: number;
  sha256: string;
  operations: number;
  /** Apidog folders of the document (`x-apidog-folder`), with their operation counts. */
  folders: number;
}

const APIDOG_IMPORT = 'https://docs.apidog.com/import-openapi-spec-635046m0';
const APIDOG_SCHEDULED = 'https://docs.apidog.com/scheduled-import-bind-data-sources-633932m0';

/** `download.html`: the unified document as a file (never loaded by a page), and how to bring it into Apidog. */
export function downloadPage(doc: unknown, d: DownloadInfo): string {
  const info = isObject(doc) && isObject(doc.info) ? doc.info : {};
  const version = typeof info.version === 'string' ? info.version : '';
  const oas = isObject(doc) && typeof doc.openapi === 'string' ? doc.openapi : '';
  const mb = (d.bytes / 1048576).toFixed(1);
  const body = `<h1>Download the unified document</h1>
<p>One OpenAPI ${esc(oas)} document for every model the hub knows: ${d.operations} operations in ${d.folders} Apidog folders.</p>
<p><a href="${attr(d.name)}" download="${attr(d.name)}" type="application/yaml"><strong>Download ${esc(d.name)}</strong></a> (${mb} MB${version ? `, version <code>${esc(version)}</code>` : ''})</p>
<dl class="facts"><dt>SHA-256</dt><dd><code>${esc(d.sha256)}</code></dd><dt>Size</dt><dd>${d.bytes.toLocaleString('en-US')} bytes</dd></dl>
<section aria-labelledby="apidog-h"><h2 id="apidog-h">Import into Apidog</h2>
<ol>
<li>In Apidog, open your project's <strong>Settings</strong>, then <strong>Import Data</strong> and choose <strong>OpenAPI/Swagger</strong> (<a href="${APIDOG_IMPORT}">Apidog's guide</a>).</li>
<li>Drop <code>${esc(d.name)}</code> in, or choose <strong>URL import</strong> with the address of this file where the site is hosted. Operations land in the folders named by <code>x-apidog-folder</code> (for example <code>FAL/text-to-image/…</code>, <code>Comet/chat</code>).</li>
<li>To keep Apidog in step with the hub, bind the URL as a <a href="${APIDOG_SCHEDULED}">scheduled import</a>, or run <code>api-hub push</code> from the repository (it validates the document, then imports it through Apidog's API).</li>
</ol>
</section>`;
  return page({ title: 'Download the unified document', root: '', current: 'download', body });
}
