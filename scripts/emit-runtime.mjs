#!/usr/bin/env node
// Part of `prepare` (after tsc): the generated client's runtime, transpiled once at install
// (dist/generate/runtime-emitted.json), so that `generate` and `npm start` do not transpile
// it on every run. src/generate/runtime-files.ts uses it only while its sources and the
// typescript version match.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { emittedRuntime, EMITTED_FILE } = await import(join(root, 'dist', 'generate', 'runtime-files.js'));
const out = join(root, 'dist', 'generate', EMITTED_FILE);
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, JSON.stringify(emittedRuntime(join(root, 'src'))) + '\n');
renameSync(tmp, out);
