import type { Diagnostic } from '../../core/diagnostic.js';
import type { ValidateResult } from '../types.js';

/**
 * JUnit XML (the Surefire form CI servers read): one `<testsuite>` per file,
 * one `<testcase>` per problem, errors as `<failure>`; warnings are test cases
 * with the text in `<system-out>` (they never fail a run); a file without
 * problems is one passing test case.
 */
export function formatJunit(result: ValidateResult, files: readonly string[] = []): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of files) byFile.set(f, []);
  for (const p of result.problems) {
    const f = p.file ?? '';
    const list = byFile.get(f);
    if (list) list.push(p);
    else byFile.set(f, [p]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of byFile) {
    const cases: string[] = [];
    let fails = 0;
    for (const p of list) {
      const name = `${p.ruleId} at ${p.line ?? 1}:${p.column ?? 1}${p.pointer ? ` (${p.pointer})` : ''}`;
      const detail = `${file}:${p.line ?? 1}:${p.column ?? 1} ${p.message}${p.suggestion ? `\n${p.suggestion}` : ''}`;
      if (p.severity === 'error') {
        fails++;
        cases.push(
          `    <testcase classname="${esc(file)}" name="${esc(name)}">\n      <failure type="${esc(p.ruleId)}" message="${esc(p.message)}">${esc(detail)}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(`    <testcase classname="${esc(file)}" name="${esc(name)}">\n      <system-out>warning: ${esc(detail)}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${esc(file)}" name="valid OpenAPI description"/>`);
    tests += cases.length;
    failures += fails;
    suites.push(`  <testsuite name="${esc(file)}" tests="${cases.length}" failures="${fails}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="api-hub validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function esc(s: string): string {
  // XML 1.0 forbids most control characters even escaped.
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
