import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PushConfig } from './config.js';
import type { Env } from '../core/env.js';
import { envValue, secretValues } from '../core/env.js';
import { HubError } from '../core/errors.js';
import { baseUrlFromEnv } from '../core/base-url.js';
import { isObject } from '../core/json.js';
import { displayPath } from '../core/paths.js';
import { nodeFileReader } from '../validate/io.js';
import type { FileReader } from '../validate/io.js';
import type { ValidateResult } from '../validate/types.js';
import { APIDOG_BASE_URL, ApidogError, apidogPost, apidogUrl, retryPolicyFromEnv } from './apidog.js';
import type { ApidogTarget, HttpOptions } from './apidog.js';
import { parseImportResult } from './import-result.js';
import type { ImportResult } from './import-result.js';
import { planPush } from './plan.js';
import type { PushPlan } from './plan.js';
import { makeRedactor } from '../core/redact.js';
import type { Redactor } from '../core/redact.js';

export interface PushInput {
  /** Project root (absolute). */
  root: string;
  /** The environment, `.env` included (core/env.ts `withDotEnv`). */
  env: Env;
  config: PushConfig;
  /**
   * The project's validation (its redocly.yaml rules and ignore file; src/project/validation.ts),
   * run on the spec through `reader`, so that the text validated is the text sent.
   */
  validate: SpecValidator;
  /** Validate and count, send nothing. */
  dryRun?: boolean;
  /** HTTP details (tests inject fetch and fast retries). */
  http?: Omit<HttpOptions, 'redact'>;
}

/** Validates one file read through `reader`; `onRootLoaded` gets its parsed data. */
export type SpecValidator = (path: string, options: { reader: FileReader; onRootLoaded: (file: { data: unknown }) => void }) => Promise<ValidateResult>;

/** Where the push goes; the token itself is never part of it. */
export interface PushTarget {
  url: string;
  baseUrl: string;
  projectId?: string;
  tokenSet: boolean;
}

interface Checked {
  /** Display path of the document. */
  spec: string;
  validation: ValidateResult;
  validateMs: number;
}

export type PushOutcome =
  /** The document has errors (or could not be read): nothing was sent. */
  | (Checked & { status: 'invalid' })
  | (Checked & { status: 'dry-run'; plan: PushPlan; target: PushTarget })
  | (Checked & { status: 'pushed'; plan: PushPlan; target: PushTarget; result: ImportResult; requestMs: number });

/** The Apidog settings of the environment; the token and project id are required to send anything. */
export function apidogSettings(env: Env, locale: string): { target: Partial<ApidogTarget> & { baseUrl: string; locale: string }; redact: Redactor } {
  const token = envValue(env, 'APIDOG_ACCESS_TOKEN');
  const projectId = envValue(env, 'APIDOG_PROJECT_ID');
  const baseUrl = baseUrlFromEnv(env, 'APIDOG_API_BASE_URL', APIDOG_BASE_URL);
  const redact = makeRedactor([token, ...secretValues(env)]);
  return { target: { baseUrl, locale, ...(token === undefined ? {} : { token }), ...(projectId === undefined ? {} : { projectId }) }, redact };
}

/** Refuse to talk to Apidog without a token and a project (exit 2, saying where they go). */
export function requireTarget(target: Partial<ApidogTarget> & { baseUrl: string; locale: string }, command: string): ApidogTarget {
  const missing = [target.token === undefined ? 'APIDOG_ACCESS_TOKEN' : undefined, target.projectId === undefined ? 'APIDOG_PROJECT_ID' : undefined].filter(
    (m) => m !== undefined,
  );
  if (target.token === undefined || target.projectId === undefined) {
    throw new HubError(
      `${command} needs ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment or in .env (see .env.example). ` +
        "The token is created in Apidog under Avatar > Account Settings > API Access Token; the project id is the number in the project's URL.",
    );
  }
  return { baseUrl: target.baseUrl, locale: target.locale, token: target.token, projectId: target.projectId };
}

/**
 * `api-hub push`: validate the document, then import exactly the validated
 * text into Apidog (`POST /v1/projects/{id}/import-openapi`). A document with
 * errors is never sent. With `dryRun` nothing is sent at all: the outcome
 * says what would be.
 */
export async function pushToApidog(input: PushInput): Promise<PushOutcome> {
  const { root, config } = input;
  const { target: partial, redact } = apidogSettings(input.env, config.locale);
  const target = input.dryRun ? undefined : requireTarget(partial, 'api-hub push');

  const specPath = resolve(root, config.spec);
  const spec = displayPath(root, specPath);
  const bytes = await readFile(specPath).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'ENOENT' ? 'the file does not exist' : err.message;
    throw new HubError(`cannot read ${spec}: ${why}`, {
      diagnostics: [{ ruleId: 'read-error', severity: 'error', message: why, file: spec, suggestion: 'build it first with `api-hub build`' }],
    });
  });
  const text = bytes.toString('utf8');

  // The validator reads the spec through this reader, so the text validated is the text sent.
  const reader: FileReader = {
    read: (p) => (p === specPath ? Promise.resolve(text) : nodeFileReader.read(p)),
    readBytes: (p) => (p === specPath ? Promise.resolve(new Uint8Array(bytes)) : (nodeFileReader.readBytes ?? readFile)(p)),
  };
  const started = performance.now();
  // The validator parses the spec anyway: keep its data for the plan's counts rather than parsing 5 MB again.
  // (validateFiles calls it whenever it could load the spec, and is fatal otherwise.)
  let data: unknown;
  const onRootLoaded = (file: { data: unknown }): void => {
    data = file.data;
  };
  const validation = await input.validate(specPath, { reader, onRootLoaded });
  const validateMs = Math.round(performance.now() - started);
  const checked: Checked = { spec, validation, validateMs };
  if (validation.fatal || validation.errorCount > 0) return { ...checked, status: 'invalid' };

  const plan = planPush(data, text, config.options);
  const url =
    partial.projectId !== undefined
      ? apidogUrl({ ...partial, projectId: partial.projectId }, 'import-openapi')
      : apidogUrl({ ...partial, projectId: 'PROJECT' }, 'import-openapi').replace('/PROJECT/', '/{APIDOG_PROJECT_ID}/');
  const info: PushTarget = {
    url,
    baseUrl: partial.baseUrl,
    tokenSet: partial.token !== undefined,
    ...(partial.projectId === undefined ? {} : { projectId: partial.projectId }),
  };
  if (!target) return { ...checked, status: 'dry-run', plan, target: info };

  // Updating in place is idempotent, so a 5xx may be repeated; CREATE_NEW is not (a repeat could duplicate).
  const { endpointOverwriteBehavior: e, schemaOverwriteBehavior: s } = config.options;
  const repeatable = e !== 'CREATE_NEW' && s !== 'CREATE_NEW';
  const body = JSON.stringify({ input: text, options: config.options });
  const response = await apidogPost(target, 'import-openapi', body, repeatable, { retry: retryPolicyFromEnv(input.env), ...input.http, redact });
  const answer = parseJson(response.text);
  if (answer === undefined || (isObject(answer) && answer.success === false)) {
    const why = answer === undefined ? 'a body that is not JSON' : '`success: false`';
    throw new ApidogError(
      redact(
        `import-openapi: Apidog answered ${response.status} with ${why}; the import may not have happened.\nApidog's answer: ${response.text.slice(0, 4000)}`,
      ),
      response.status,
      redact(response.text),
    );
  }
  return { ...checked, status: 'pushed', plan, target: info, result: parseImportResult(answer), requestMs: response.ms };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
