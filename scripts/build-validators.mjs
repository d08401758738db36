#!/usr/bin/env node
// Precompiles the official OpenAPI JSON Schemas (vendored in src/validate/schemas/) into
// standalone ajv validator modules under src/validate/schemas/compiled/, so that
// `api-hub validate` never compiles a schema at start-up.
//
//   node scripts/build-validators.mjs           regenerate the modules
//   node scripts/build-validators.mjs --check   exit 1 when the committed modules are stale
//
// The output is committed: a fresh `npm ci` needs neither this script nor the network.
// Needs (dev time only): ajv 8, ajv-draft-04 (2.0 and 3.0 schemas are draft-04).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const AjvDraft04 = require('ajv-draft-04').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { _ } = require('ajv');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = join(root, 'src/validate/schemas');
const outDir = join(schemasDir, 'compiled');
const check = process.argv.includes('--check');

// Keep in sync with src/validate/schemas/formats.ts (checked below).
const FORMAT_NAMES = ['uri', 'uri-reference', 'iri', 'iri-reference', 'email', 'regex', 'media-range'];

const readJson = (rel) => JSON.parse(readFileSync(join(schemasDir, rel), 'utf8'));

function ajvOptions() {
  return {
    code: { source: true, esm: true, formats: _`formats` },
    allErrors: true,
    messages: false, // messages are written by src/validate/struct/ from the raw errors
    strict: false,
    validateSchema: false,
    formats: Object.fromEntries(FORMAT_NAMES.map((n) => [n, () => true])),
  };
}

/**
 * The ajv#1573 work-around. Ajv cannot follow `$dynamicRef: "#meta"` to a
 * `$dynamicAnchor` outside the root resource, so the OAS 3.1/3.2 schemas would
 * check Schema Objects only as `type: [object, boolean]`. When validation starts
 * at schema-base, every `$dynamicRef: "#meta"` (in the OAS schema, the OAS
 * dialect and meta, and the JSON Schema 2020-12 meta-schemas) resolves to
 * schema-base's `#/$defs/schema` (the outermost `meta` anchor in dynamic scope).
 * We bind that statically: `$dynamicRef` becomes `$ref` to it, and the now
 * unused `$dynamicAnchor`s are dropped.
 */
function bindDynamicRefs(schema, target) {
  if (Array.isArray(schema)) return schema.map((s) => bindDynamicRefs(s, target));
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    // (A non-string value means a property *named* `$dynamicRef`, as in the core meta-schema.)
    if (k === '$dynamicAnchor' && typeof v === 'string') continue;
    if (k === '$dynamicRef' && typeof v === 'string') {
      if (v !== '#meta') throw new Error(`unexpected $dynamicRef ${v}`);
      out.$ref = target;
      continue;
    }
    out[k] = bindDynamicRefs(v, target);
  }
  return out;
}

/**
 * Sound fast passes in front of ajv (3.1 only: on 3.0, whose compiled Schema Object check is one flat
 * function, a pass measured no faster): the validator of a definition first asks the pass,
 * which accepts only what the official schema certainly accepts; whatever it does not accept goes to
 * ajv's function, which writes the errors. Each definition's function is found by a marker only its
 * code holds, and is the one every instance of it is checked through (nested ones included).
 */
const FAST_PASSES = [
  // 3.1 schema-base's #/$defs/schema: every Schema Object (the one function that checks the `$schema` const).
  {
    version: '3.1',
    accepts: 'acceptsSchema31',
    module: 'accepts-schema-31.js',
    marker: 'instancePath:instancePath+"/$schema",schemaPath:"#/$defs/dialect/const"',
  },
  // 3.1's #/$defs/path-item: the one definition with a `trace` field.
  { version: '3.1', accepts: 'acceptsPathItem31', module: 'accepts-path-item-31.js', marker: 'instancePath:instancePath+"/trace"' },
];
const fastPassesOf = (version) => FAST_PASSES.filter((p) => p.version === version);

function withFastPasses(code, version) {
  for (const { accepts, marker } of fastPassesOf(version)) {
    const owners = [...code.matchAll(/function (validate\d+)\(data, /g)].filter((m) => {
      const end = code.indexOf('function validate', m.index + 1);
      return code.slice(m.index, end === -1 ? undefined : end).includes(marker);
    });
    if (owners.length !== 1) throw new Error(`${version}: expected one function for ${accepts}, found ${owners.length}`);
    const name = owners[0][1];
    code = code.replace(
      `function ${name}(data, `,
      `function ${name}(data, options) { if (${accepts}(data)) { ${name}.errors = null; return true; } return ${name}Official(data, options); }\n` +
        `function ${name}Official(data, `,
    );
  }
  return code;
}

const fastPassImports = (version) =>
  fastPassesOf(version)
    .map(({ accepts, module }) => `import { ${accepts} } from '../../struct/${module}';\n`)
    .join('');

function jsonSchema2020() {
  const dir = join(schemasDir, 'json-schema-2020-12');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

function build2020(version) {
  const base = readJson(`oas-${version}/schema-base.json`);
  const target = `${base.$id}#/$defs/schema`;
  const ajv = new Ajv2020({ ...ajvOptions(), meta: false });
  const parts = [...jsonSchema2020(), ...['meta', 'dialect', 'schema', 'schema-base'].map((n) => readJson(`oas-${version}/${n}.json`))];
  for (const s of parts) ajv.addSchema(bindDynamicRefs(s, target));
  return { ajv, id: base.$id };
}

function buildDraft04(version) {
  const schema = readJson(`oas-${version}/schema.json`);
  const ajv = new AjvDraft04(ajvOptions());
  ajv.addSchema(schema);
  return { ajv, id: schema.id };
}

function usedFormats(value, acc = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => usedFormats(v, acc));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'format' && typeof v === 'string') acc.add(v);
      else usedFormats(v, acc);
    }
  }
  return acc;
}

const targets = [
  ['2.0', buildDraft04],
  ['3.0', buildDraft04],
  ['3.1', build2020],
  ['3.2', build2020],
];

const formatsSource = readFileSync(join(schemasDir, 'formats.ts'), 'utf8');
for (const name of FORMAT_NAMES) {
  if (!formatsSource.includes(`'${name}'`) && !new RegExp(`\\b${name}[,:]`).test(formatsSource)) {
    throw new Error(`format ${name} is not defined in src/validate/schemas/formats.ts`);
  }
}

let stale = 0;
/** Write a generated module when it changed (with --check: count it as stale instead). */
function emit(out, text) {
  let old;
  try {
    old = readFileSync(out, 'utf8');
  } catch {}
  if (old === text) return;
  if (check) {
    process.stderr.write(`stale: ${out}\n`);
    stale++;
  } else {
    writeFileSync(out, text);
    process.stdout.write(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB)\n`);
  }
}
for (const [version, build] of targets) {
  const dir = join(schemasDir, `oas-${version}`);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const f of sources) {
    for (const fmt of usedFormats(JSON.parse(readFileSync(join(dir, f), 'utf8')))) {
      if (!FORMAT_NAMES.includes(fmt)) throw new Error(`${version}/${f} uses format "${fmt}", add it to FORMAT_NAMES and formats.ts`);
    }
  }
  const { ajv, id } = build(version);
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  const digest = createHash('sha256');
  for (const f of sources) digest.update(readFileSync(join(dir, f)));
  const code = withFastPasses(standaloneCode(ajv, { validate: id }), version);
  const text =
    `// @ts-nocheck\n` +
    `// GENERATED by scripts/build-validators.mjs from src/validate/schemas/oas-${version}/ (${sources.join(', ')}).\n` +
    `// Do not edit. Schema id: ${id}; sources sha256: ${digest.digest('hex').slice(0, 16)}.\n` +
    `import { createRequire } from 'node:module';\n` +
    `import { formats } from '../formats.js';\n` +
    `import { equal } from '../equal.js';\n` +
    fastPassImports(version) +
    `const require = createRequire(import.meta.url);\n` +
    // Our JSON equality instead of ajv's runtime one (fast-deep-equal calls a value's own `toString`).
    code.replace(/^"use strict";/, '').replaceAll('require("ajv/dist/runtime/equal").default', 'equal') +
    '\n';
  const out = join(outDir, `oas-${version.replace('.', '')}.ts`);
  emit(out, text);
}
// The build's configuration schema (api-hub.config.yaml providers:/build:), with messages: the
// build reads ajv's errors directly. Precompiled for the same reason: compiling it took ~100 ms
// of every `api-hub build`.
// The Overlay 1.0 schema the build checks overlay files with: the same, for the same reason (~45 ms).
for (const [from, to] of [
  ['src/normalize/config.schema.json', 'src/normalize/config-validator.ts'],
  ['src/normalize/overlay/overlay.schema.json', 'src/normalize/overlay/overlay-validator.ts'],
]) {
  const src = join(root, from);
  const schema = JSON.parse(readFileSync(src, 'utf8'));
  const ajv = new Ajv2020({ code: { source: true, esm: true }, allErrors: true, strict: false });
  ajv.addSchema(schema);
  const code = standaloneCode(ajv, { validate: schema.$id });
  const digest = createHash('sha256').update(readFileSync(src)).digest('hex').slice(0, 16);
  const text =
    `// @ts-nocheck\n` +
    `// GENERATED by scripts/build-validators.mjs from ${from} (sha256: ${digest}). Do not edit.\n` +
    `import { createRequire } from 'node:module';\n` +
    `const require = createRequire(import.meta.url);\n` +
    code.replace(/^"use strict";/, '') +
    '\n';
  emit(join(root, to), text);
}
if (stale) process.exit(1);
