#!/usr/bin/env node
// Re-vendors OpenAI's published OpenAPI document as JSON: specs/providers/openai/openapi.json.
//   node scripts/vendor-openai.mjs [path/to/openai/openapi.yaml]
// Default input: ../shared/corpus/providers/openai/openapi.json (upstream openai/openai-openapi `openapi.yaml`).
// The data is the upstream document's, unchanged: the YAML is read with the hub's own YAML reader (the same
// core schema every stage uses) and written as JSON, 2-space indented. JSON because the build reads this 3 MB
// file on every run, and JSON.parse reads it ~7× faster than a YAML parser (tests/openai-vendored.test.ts
// checks that the JSON still equals the upstream YAML).
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? join(root, '..', 'shared', 'corpus', 'providers', 'openai', 'openapi.yaml'));
const { parseText } = await import(join(root, 'dist', 'core', 'parse.js'));
const { writeFileAtomic } = await import(join(root, 'dist', 'core', 'fs.js'));
const parsed = parseText(readFileSync(input, 'utf8'), input);
if (!parsed.ok) {
  process.stderr.write(`vendor-openai: ${parsed.problem.message}\n`);
  process.exit(1);
}
const out = join(root, 'specs', 'providers', 'openai', 'openapi.json');
await writeFileAtomic(out, `${JSON.stringify(parsed.value.data, null, 2)}\n`);
process.stdout.write(`vendor-openai: ${input} → ${out}\n`);
