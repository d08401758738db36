import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { buildSite } from './build.js';
import { loadSiteInput, type LoadedSiteInput } from './load.js';
import type { SiteFile, SiteInput } from './types.js';

const fixture = join(import.meta.dirname, '../../tests/fixtures/site');
let loaded: LoadedSiteInput;
let files: SiteFile[];
const file = (path: string): string => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in the site (${files.map((x) => x.path).join(', ')})`);
  return f.content;
};

beforeAll(async () => {
  loaded = await loadSiteInput(fixture);
  files = buildSite(loaded.input);
});

describe('buildSite', () => {
  it('writes the index, its scripts, a page per model, per Comet family, drift and download', () => {
    expect(files.map((f) => f.path)).toEqual([
      'assets/copy.js',
      'assets/models.js',
      'assets/search.js',
      'assets/site.css',
      'comet/chat.html',
      'comet/embeddings.html',
      'comet/images.html',
      'comet/index.html',
      'comet/kling.html',
      'comet/midjourney.html',
      'comet/models.html',
      'comet/runway.html',
      'comet/suno.html',
      'download.html',
      'drift.html',
      'index.html',
      'models/comet/dall-e-3.html',
      'models/comet/gpt-4o-mini.html',
      'models/comet/mj_5Ffast_5Fimagine.html',
      'models/fal/fal-ai~flux~dev.html',
      'models/fal/fal-ai~kling-video~v2.1~standard~image-to-video.html',
      'models/fal/fal-ai~minimax~hailuo-02~standard~text-to-video.html',
    ]);
  });

  it('is deterministic: the same input gives byte-identical files', async () => {
    const again = buildSite((await loadSiteInput(fixture)).input);
    expect(again).toEqual(files);
  });

  it('a model page shows the price with source and date, the input fields, examples and operations', () => {
    const html = file('models/fal/fal-ai~flux~dev.html');
    expect(html).toContain('<h1>FLUX.1 [dev]</h1>');
    expect(html).toContain('0.025 USD per megapixel');
    expect(html).toContain('<a href="https://fal.ai/models/fal-ai/flux/dev">fal.ai</a>');
    expect(html).toContain('<time datetime="2026-12-01">2026-12-01</time>');
    expect(html).toMatch(/<code class="lvl1">prompt<\/code><\/td><td><code>string<\/code><\/td><td><strong>yes<\/strong>/);
    expect(html).toContain('hub.fal.subscribe(&quot;fal-ai/flux/dev&quot;');
    expect(html).toContain('curl -X POST &#39;https://queue.fal.run/fal-ai/flux/dev&#39;');
    expect(html).toContain('<code>falAiFluxDevResult</code>');
    expect(html).toContain('href="https://fal.ai/models/fal-ai/flux/dev"');
    expect(file('models/fal/fal-ai~minimax~hailuo-02~standard~text-to-video.html')).toContain('<span class="muted">no price</span>');
  });

  it('a Comet model page uses the helper of its family, with its id as the model, and links to the family page', () => {
    const html = file('models/comet/gpt-4o-mini.html');
    expect(html).toContain('input 0.12, output 0.48 USD per 1M tokens');
    expect(html).toContain('hub.comet.chat.completions(');
    expect(html).toContain('&quot;model&quot;: &quot;gpt-4o-mini&quot;');
    expect(html).toContain('href="../../comet/chat.html#op-cometCreateChatCompletion"');
    expect(file('comet/chat.html')).toContain('id="op-cometCreateChatCompletion"');
    expect(file('comet/chat.html')).toContain('href="../models/comet/gpt-4o-mini.html"');
  });

  it('the search index is a script holding every model, sorted by category', () => {
    const text = file('assets/models.js');
    const data = JSON.parse(text.replace(/^window\.HUB_INDEX = /, '').replace(/;\n$/, '')) as { fields: string[]; rows: unknown[][] };
    const cat = data.fields.indexOf('category');
    expect(data.rows.map((r) => r[cat])).toEqual(['image', 'image', 'image-to-video', 'text', 'text-to-image', 'text-to-video']);
    expect(data.rows).toHaveLength(loaded.input.models.length);
    expect(file('index.html')).toContain('<option value="kind:video">Any video output (2)</option>');
  });

  it('no page loads the unified document; only the download page links to it', () => {
    for (const f of files) {
      expect(f.content).not.toMatch(/(src|href)="[^"]*openapi\.yaml"[^>]*>(?!<strong>Download)/);
      if (f.path !== 'download.html') expect(f.content).not.toContain('openapi.yaml"');
    }
    expect(file('download.html')).toContain('<a href="openapi.yaml" download="openapi.yaml"');
    expect(file('download.html')).toContain('docs.apidog.com');
  });

  it('the drift page lists the changes and links the models it knows', () => {
    const html = file('drift.html');
    expect(html).toContain('<a href="models/comet/mj_5Ffast_5Fimagine.html"><code>mj_fast_imagine</code></a>');
    expect(html).toContain('<code>gpt-3.5-turbo-0301</code>');
    expect(html).toContain('0.03 USD per megapixel');
    expect(html).toContain('0.025 USD per megapixel');
  });

  it('says so when there is no drift report, and escapes whatever the registry holds', () => {
    const base = loaded.input;
    const first = base.models[0]!;
    const evil = { ...first, entry: { ...first.entry, displayName: '<script>alert(1)</script>' } };
    const input: SiteInput = { ...base, drift: null, models: [evil, ...base.models.slice(1)] };
    const out = buildSite(input);
    const all = out.map((f) => f.content).join('\n');
    expect(all).not.toContain('<script>alert(1)</script>');
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.find((f) => f.path === 'drift.html')?.content).toContain('No drift report yet');
  });
});
