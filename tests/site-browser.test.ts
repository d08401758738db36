/**
 * The site in a real browser: headless Chromium (Debian's `chromium`) driven
 * by playwright-core, pages loaded from file:// as a reader would open them.
 * No browser is a failure, not a skip: set API_HUB_SKIP_BROWSER_TESTS=1 to opt
 * out on purpose. API_HUB_CHROMIUM names another Chromium binary.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from './helpers/cli.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const browserPath = process.env.API_HUB_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
const optOut = process.env.API_HUB_SKIP_BROWSER_TESTS === '1';
const artifacts = join(projectRoot, 'test-artifacts');
const axePath = join(projectRoot, 'node_modules/axe-core/axe.min.js');

if (!browserPath && optOut) {
  console.warn('site browser tests: SKIPPED on purpose (API_HUB_SKIP_BROWSER_TESTS=1); no Chromium was found');
}

describe.runIf(!browserPath && !optOut)('site in a browser: no browser', () => {
  it('finds Chromium', () => {
    throw new Error(
      `No Chromium found (looked at API_HUB_CHROMIUM and ${CANDIDATES.join(', ')}). Install it (apt-get install -y chromium), ` +
        'point API_HUB_CHROMIUM at one, or set API_HUB_SKIP_BROWSER_TESTS=1 to skip these tests on purpose.',
    );
  });
});

interface Problems {
  console: string[];
}

/** A page that records console errors and uncaught exceptions. */
async function openPage(browser: Browser, problems: Problems): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => problems.console.push(`pageerror: ${e.message} (${page.url()})`));
  return page;
}

/** axe-core's serious and critical violations on the page, as `rule: target` lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // A string, run in the page: the tests are compiled without the DOM library.
  const violations = (await page.evaluate(`(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  })()`)) as Array<{ id: string; impact: string | null; targets: string[] }>;
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}

const rowsText = (page: Page): Promise<string[]> => page.locator('#results tbody tr').allInnerTexts();

describe.runIf(Boolean(browserPath))('site in a browser (fixture: prices, Comet families, a drift report)', () => {
  let browser: Browser;
  let out: string;
  let url: (path: string) => string;
  const problems: Problems = { console: [] };

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'api-hub-site-browser-'));
    const r = runCli(['docs', '--out', join(out, 'site')], { cwd: join(projectRoot, 'tests/fixtures/site') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    url = (path) => pathToFileURL(join(out, 'site', path)).href;
    await mkdir(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('index: search, filter by category and price, keyboard shortcut; no serious accessibility violation', async () => {
    const page = await openPage(browser, problems);
    await page.goto(url('index.html'));
    await expect.poll(() => rowsText(page).then((r) => r.length)).toBe(6);
    await expect(page.locator('#count').innerText()).resolves.toBe('6 models');

    // Search box: each word must match.
    await page.getByLabel('Search models').fill('flux');
    await expect.poll(() => rowsText(page)).toEqual([expect.stringContaining('FLUX.1 [dev]')]);
    expect((await rowsText(page))[0]).toContain('0.025 USD per megapixel\nsource: fal.ai, as of 2026-12-01');
    await expect(page.locator('#count').innerText()).resolves.toBe('1 of 6 models match');
    expect(page.url()).toContain('#q=flux');
    await page.getByLabel('Search models').fill('');

    // Video models: the output kind groups text-to-video and image-to-video.
    await page.getByLabel('Category').selectOption('kind:video');
    await expect.poll(() => rowsText(page).then((r) => r.length)).toBe(2);
    for (const row of await rowsText(page)) expect(row).toMatch(/-to-video/);
    await page.screenshot({ path: join(artifacts, 'site-index-video.png'), fullPage: true });

    // Price range: only priced models in it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('from').fill('0.1');
    await expect
      .poll(() => rowsText(page))
      .toEqual([expect.stringContaining('0.25 USD per video'), expect.stringContaining('input 0.12, output 0.48 USD per 1M tokens')]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowsText(page).then((r) => r.length)).toBe(6);

    // `/` brings the focus back to the search box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('q');
    await page.keyboard.type('dall');
    await expect.poll(() => rowsText(page)).toEqual([expect.stringContaining('dall-e-3')]);
    await page.getByLabel('Search models').fill('');

    await page.screenshot({ path: join(artifacts, 'site-index.png'), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });

  it('a model page: price with source and date, input fields, an example to copy; its links work', async () => {
    const page = await openPage(browser, problems);
    await page.goto(`${url('index.html')}#q=flux`);
    await page.getByRole('link', { name: 'FLUX.1 [dev]' }).click();
    await page.waitForURL(/models\/fal\/fal-ai~flux~dev\.html$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('FLUX.1 [dev]');

    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('0.025 USD per megapixel');
    expect(facts).toContain('source: fal.ai');
    expect(facts).toContain('as of 2026-12-01');
    const input = page.getByRole('table', { name: 'Input fields of fal-ai/flux/dev' });
    await expect(input.locator('tbody tr').first().innerText()).resolves.toMatch(/^prompt\s+string\s+yes/);
    await expect(input.innerText()).resolves.toContain('num_inference_steps');
    const example = await page.locator('#ex-ts').innerText();
    expect(example).toContain(`hub.fal.subscribe("fal-ai/flux/dev", {`);
    expect(await page.locator('#ex-curl').innerText()).toContain("curl -X POST 'https://queue.fal.run/fal-ai/flux/dev'");
    await expect(page.getByRole('link', { name: 'fal-ai/flux/dev on fal.ai' }).getAttribute('href')).resolves.toBe('https://fal.ai/models/fal-ai/flux/dev');

    // Copy: the clipboard, or (where a browser refuses it) the text selected; either way it is said.
    await page.getByRole('button', { name: 'Copy' }).first().click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toMatch(/Copied|Selected/);

    await page.screenshot({ path: join(artifacts, 'site-model.png'), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);

    // The breadcrumb's category opens the index filtered on it.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'text-to-image' }).click();
    await page.waitForURL(/index\.html#category=text-to-image$/);
    await expect.poll(() => rowsText(page)).toEqual([expect.stringContaining('FLUX.1 [dev]')]);
    await expect(page.getByLabel('Category').inputValue()).resolves.toBe('text-to-image');
    await page.close();
  });

  it('a Comet model links to its family page, which shows the route with its input and the models it serves', async () => {
    const page = await openPage(browser, problems);
    await page.goto(url('models/comet/gpt-4o-mini.html'));
    expect(await page.locator('#ex-ts').innerText()).toContain('hub.comet.chat.completions({');
    await page.getByRole('link', { name: 'cometCreateChatCompletion' }).click();
    await page.waitForURL(/comet\/chat\.html#op-cometCreateChatCompletion$/);
    await expect(page.locator('#op-cometCreateChatCompletion h2').innerText()).resolves.toBe('POST /v1/chat/completions');
    await expect(page.getByRole('table', { name: 'Input fields of POST /v1/chat/completions' }).innerText()).resolves.toContain('messages');
    await expect(page.getByRole('link', { name: 'gpt-4o-mini' }).count()).resolves.toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });

  it('the drift, download and Comet index pages pass axe and link where they say', async () => {
    const page = await openPage(browser, problems);
    for (const path of ['drift.html', 'download.html', 'comet/index.html']) {
      await page.goto(url(path));
      expect(await axeProblems(page), path).toEqual([]);
    }
    await page.goto(url('drift.html'));
    await page.getByRole('link', { name: 'mj_fast_imagine' }).click();
    await page.waitForURL(/models\/comet\/mj_5Ffast_5Fimagine\.html$/);
    await page.goto(url('download.html'));
    await expect(page.getByRole('link', { name: /Download openapi\.yaml/ }).getAttribute('href')).resolves.toBe('openapi.yaml');
    await page.close();
  });

  it('no page logged an error', () => {
    expect(problems.console).toEqual([]);
  });
});

describe.runIf(Boolean(browserPath))('site in a browser (the committed snapshot)', () => {
  let browser: Browser;
  let out: string;
  const problems: Problems = { console: [] };
  const total = (JSON.parse(readFileSync(join(projectRoot, 'data/model_registry.json'), 'utf8')) as { models: unknown[] }).models.length;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'api-hub-site-real-'));
    const r = runCli(['docs', '--out', join(out, 'site')]);
    expect(r.status, r.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('search flux, filter video models, open fal-ai/flux/dev and read its inputs and example', async () => {
    const page = await openPage(browser, problems);
    await page.goto(pathToFileURL(join(out, 'site/index.html')).href);
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${total} models; the first 200 are shown`);
    await page.getByRole('button', { name: 'Show all matches' }).click();
    await expect.poll(() => rowsText(page).then((r) => r.length)).toBe(total);
    await page.getByLabel('Search models').fill('flux');
    await expect.poll(() => rowsText(page).then((r) => r.length)).toBeGreaterThan(20);
    for (const row of (await rowsText(page)).slice(0, 50)) expect(row.toLowerCase()).toContain('flux');
    await page.getByLabel('Search models').fill('');
    await page.getByLabel('Category').selectOption('kind:video');
    await expect.poll(() => page.locator('#count').innerText()).toMatch(new RegExp(`^\\d+ of ${total} models match`));
    for (const row of (await rowsText(page)).slice(0, 50)) expect(row).toMatch(/video/);
    await page.getByLabel('Category').selectOption('');
    await page.getByLabel('Search models').fill('fal-ai/flux/dev');
    await page.locator('#results').getByRole('link', { name: 'FLUX.1 [dev]', exact: true }).click();
    await page.waitForURL(/fal-ai~flux~dev\.html$/);
    await expect(page.getByRole('table', { name: 'Input fields of fal-ai/flux/dev' }).innerText()).resolves.toContain('prompt');
    expect(await page.locator('#ex-ts').innerText()).toContain('hub.fal.subscribe("fal-ai/flux/dev"');
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
    expect(problems.console).toEqual([]);
  });
});
