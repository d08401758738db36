import { parse } from 'yaml';
import type { BuildFinding, Pass, SourceDocument } from '../types.js';
import { runPasses } from '../run-passes.js';

/** Run one pass on an inline YAML document; returns the mutated document and the findings. */
export function runPass(pass: Pass, yaml: string, overrides: Partial<SourceDocument> = {}): { doc: Record<string, unknown>; findings: BuildFinding[] } {
  const src: SourceDocument = {
    provider: 'fal',
    sourceId: 'fal-ai/test',
    file: 'test.json',
    sha256: 'x',
    doc: parse(yaml) as Record<string, unknown>,
    ...overrides,
  };
  const findings: BuildFinding[] = [];
  runPasses([pass], src, { report: (f) => findings.push({ ...f, file: f.file ?? src.file, provider: src.provider, sourceId: src.sourceId }) });
  return { doc: src.doc, findings };
}
