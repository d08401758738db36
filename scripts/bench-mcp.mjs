#!/usr/bin/env node
// The MCP server's first answer, as an assistant meets it: spawn `api-hub mcp` over stdio with the
// real SDK client, time the initialization, then the first `get_model` (which loads the registry and
// the unified document). Cold every run: a new process each time.
// Alone: node scripts/bench-mcp.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(root, model) {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'bin', 'api-hub.js'), 'mcp'],
    cwd: root,
    stderr: 'ignore',
    env: { PATH: process.env.PATH ?? '' },
  });
  const client = new Client({ name: 'api-hub-bench', version: '1.0.0' });
  await client.connect(transport);
  const initMs = performance.now() - started;
  const t = performance.now();
  const r = await client.callTool({ name: 'get_model', arguments: { id: model } });
  const firstMs = performance.now() - t;
  const t2 = performance.now();
  await client.callTool({ name: 'get_operation', arguments: { operation: 'POST /v1/chat/completions' } });
  const secondMs = performance.now() - t2;
  await client.close();
  if (r.isError) throw new Error(`get_model ${model} failed: ${JSON.stringify(r.content).slice(0, 300)}`);
  return { initMs, firstMs, secondMs };
}

export async function run({ root, runs = 3 }) {
  const model = 'fal-ai/flux/dev';
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(root, model));
  const results = {
    model,
    runs,
    initializeMs: Math.round(median(samples.map((s) => s.initMs))),
    firstGetModelMs: Math.round(median(samples.map((s) => s.firstMs))),
    secondCallMs: Math.round(median(samples.map((s) => s.secondMs))),
  };
  const markdown = [
    '| MCP server (stdio, cold process) | median |',
    '|---|---|',
    `| spawn to initialized | ${results.initializeMs} ms |`,
    `| first \`get_model ${model}\` after initialization | ${results.firstGetModelMs} ms |`,
    `| next call (\`get_operation\`) | ${results.secondCallMs} ms |`,
  ].join('\n');
  return { results, markdown };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  const out = await run({ root: join(dirname(fileURLToPath(import.meta.url)), '..'), runs: i > 0 ? Number(process.argv[i + 1]) : 3 });
  console.log(out.markdown);
}
