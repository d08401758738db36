#!/usr/bin/env node
// Lists the functions longer than a limit (80 lines by default) and exits 1 when there is one
// that no allowlist entry names. Run by `npm run lint` and `npm test` with scripts/long-functions.allow.
//
//   node scripts/long-functions.mjs                      src/, limit 80
//   node scripts/long-functions.mjs --max 60 src/mcp     another limit, other folders or files
//   node scripts/long-functions.mjs --allow src/core/positions.ts#blockYamlOffsets
//   node scripts/long-functions.mjs --allowlist scripts/long-functions.allow
//   node scripts/long-functions.mjs --include-tests      *.test.ts too (left out by default)
//
// What counts as a function (parsed with the `typescript` package, nothing is type-checked):
// function declarations, methods (of classes and object literals), getters and setters,
// constructors, and arrow functions / function expressions assigned to a variable, a class
// property or an object property. Callbacks passed as arguments are part of their caller.
// Length: from the line of the function's first token (leading comments excluded) to the line of
// its last, both included.
// An allowlist entry is `path#name` (path relative to the project, as printed) or a bare `name`
// (anywhere); in an allowlist file one entry a line, `#` at the start of a line is a comment.
// Generated code (any `compiled/` folder, src/normalize/config-validator.ts, src/normalize/overlay/overlay-validator.ts) is skipped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = [/(^|\/)compiled\//, /^src\/normalize\/config-validator\.ts$/, /^src\/normalize\/overlay\/overlay-validator\.ts$/];

function parseArgs(argv) {
  const options = { max: 80, allow: new Set(), includeTests: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--max') options.max = Number(argv[++i]);
    else if (arg === '--allow') options.allow.add(argv[++i]);
    else if (arg === '--allowlist') readAllowlist(argv[++i], options.allow);
    else if (arg === '--include-tests') options.includeTests = true;
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (!Number.isInteger(options.max) || options.max < 1) usage('--max takes a whole number above 0');
  if (options.paths.length === 0) options.paths.push('src');
  return options;
}

function usage(message) {
  process.stderr.write(`long-functions: ${message}\n`);
  process.stderr.write('usage: long-functions.mjs [--max N] [--allow path#name] [--allowlist FILE] [--include-tests] [PATH…]\n');
  process.exit(2);
}

function readAllowlist(file, allow) {
  if (file === undefined) usage('--allowlist takes a file');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const entry = line.trim();
    if (entry !== '' && !entry.startsWith('#')) allow.add(entry);
  }
}

/** The .ts files under `path` (a file or a folder), project-relative with `/`, sorted. */
function sourceFiles(path, includeTests) {
  const absolute = resolve(root, path);
  if (statSync(absolute).isFile()) return [toProjectPath(absolute)];
  const files = [];
  for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    if (!includeTests && entry.name.endsWith('.test.ts')) continue;
    const file = toProjectPath(join(entry.parentPath, entry.name));
    if (!GENERATED.some((re) => re.test(file))) files.push(file);
  }
  return files.sort();
}

function toProjectPath(absolute) {
  return relative(root, absolute).split(sep).join('/');
}

function propertyName(name) {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The name a function node is known by, or undefined when it is not one that counts. */
function functionName(node) {
  if (ts.isFunctionDeclaration(node)) return node.name?.text ?? 'default';
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return qualified(node, propertyName(node.name));
  if (ts.isConstructorDeclaration(node)) return qualified(node, 'constructor');
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyDeclaration(parent)) return qualified(parent, propertyName(parent.name));
  if (ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  return undefined;
}

/** `Class.member` for a class member, the member name alone otherwise. */
function qualified(member, name) {
  const owner = member.parent;
  const label = name ?? '(computed)';
  return ts.isClassLike(owner) && owner.name ? `${owner.name.text}.${label}` : label;
}

function longFunctions(file, max) {
  const text = readFileSync(resolve(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    const name = functionName(node);
    if (name !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const lines = end - start + 1;
      if (lines > max) found.push({ file, line: start, name, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = [...new Set(options.paths.flatMap((path) => sourceFiles(path, options.includeTests)))];
  const found = files.flatMap((file) => longFunctions(file, options.max));
  found.sort((a, b) => b.lines - a.lines || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  let failing = 0;
  for (const f of found) {
    const allowed = options.allow.has(`${f.file}#${f.name}`) || options.allow.has(f.name);
    if (!allowed) failing++;
    process.stdout.write(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}${allowed ? '  (allowed)' : ''}\n`);
  }
  const allowedCount = found.length - failing;
  process.stdout.write(
    `${found.length} function(s) over ${options.max} lines in ${files.length} file(s)${allowedCount > 0 ? `, ${allowedCount} allowed` : ''}\n`,
  );
  process.exit(failing > 0 ? 1 : 0);
}

main();
