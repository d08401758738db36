/**
 * The second thread of the validation of a large document (see parallel.ts). It is
 * sent the file's text as soon as it is read and parses it while the main thread
 * parses its own copy; then, told the version, it runs the precompiled validator of
 * the official schema and, for a description in one file, the share of the rules
 * it is given. It posts back ajv's raw errors (the main thread words them, see
 * struct-rule.ts) and the rules' findings as plain data.
 */
import { parentPort } from 'node:worker_threads';
import type { Preset, RuleSetting } from '../config/config.js';
import { lintRules, type OffloadedFindings } from '../lint.js';
import { parseSourceText, type ParseTextResult } from '../parse/parse-text.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { loadSchemaValidator, type RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';

/** The rules to run here, on the root file alone (a description with no `$ref` to another file). */
export interface OffloadedLint {
  path: string;
  display: string;
  refRoot: string;
  allowRemoteRefs: boolean;
  rules: string[];
  configured: Array<[string, RuleSetting]>;
  preset?: Preset;
}

export type WorkerJob =
  | { kind: 'parse'; text: string; strictJson: boolean; twin?: { json: string; member?: string } }
  | { kind: 'check'; version: OasVersion; lint?: OffloadedLint };

export interface StructReply {
  /** Undefined when this thread could not parse the text (the main thread then checks inline). */
  errors?: RawError[] | null;
  lint?: OffloadedFindings;
  /** Why the offloaded rules did not run (the main thread then runs them itself). */
  lintFailed?: string;
}

let text = '';
let parsed: ParseTextResult | undefined;

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'parse') {
    text = job.text;
    parsed = job.twin ? fromTwin(job.text, job.twin) : parseSourceText(job.text, { strictJson: job.strictJson });
    return;
  }
  void check(job).then((reply) => parentPort!.postMessage(reply));
});

/** The data of the file's parsed twin (see load.ts), as the main thread took it. */
function fromTwin(source: string, twin: { json: string; member?: string }): ParseTextResult {
  const value: unknown = JSON.parse(twin.json);
  const data = twin.member === undefined ? value : (value as Record<string, unknown>)[twin.member];
  return { ok: true, data, format: /^\s*[{[]/.test(source) ? 'json' : 'yaml' };
}

async function check(job: Extract<WorkerJob, { kind: 'check' }>): Promise<StructReply> {
  if (!parsed?.ok) return {};
  const data = parsed.data;
  const reply: StructReply = {};
  if (job.lint) {
    try {
      reply.lint = runRules(data, job.version, job.lint);
    } catch (err) {
      reply.lintFailed = err instanceof Error ? err.message : String(err);
    }
  }
  const validate = await loadSchemaValidator(job.version);
  reply.errors = validate(data) ? null : (validate.errors ?? []);
  return reply;
}

function runRules(data: unknown, version: OasVersion, lint: OffloadedLint): OffloadedFindings {
  const root = { path: lint.path, display: lint.display, data, text, format: parsed?.ok ? parsed.format : 'yaml' } as const;
  const set = {
    root,
    version,
    files: new Map([[lint.path, root]]),
    missing: new Map<string, string>(),
    refRoot: lint.refRoot,
    allowRemoteRefs: lint.allowRemoteRefs,
  };
  const wanted = new Set(lint.rules);
  const rules: Record<string, Rule> = {};
  for (const [id, rule] of Object.entries(allRules)) if (wanted.has(id)) rules[id] = rule;
  const { findings, replaced } = lintRules(set, { rules, configured: new Map(lint.configured), ...(lint.preset ? { preset: lint.preset } : {}) });
  return {
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      pointer: f.pointer,
      ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    })),
    replaced: [...replaced],
  };
}
