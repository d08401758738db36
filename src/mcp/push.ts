import { secretValues } from '../core/env.js';
import { HubError } from '../core/errors.js';
import { makeRedactor, redactError, type Redactor } from '../core/redact.js';
import type { PreValidated, PushFn } from './context.js';
import type { SpecValidator } from '../push/push.js';
import { problemLines } from './result.js';

/**
 * What `push_to_apidog` calls unless a test injects another push: the library
 * behind `api-hub push`, with the project's `push:` section of
 * api-hub.config.yaml (overwrite behaviours, locale…) and the file the tool
 * validated in place of `push.spec`. The library reads and validates the file
 * itself (the project's redocly.yaml rules), so what is sent is exactly what
 * was validated. Loaded on the first push: the server's start-up does not pay
 * for it.
 *
 * Every failure is a HubError whose message has every secret taken out;
 * the answer is a JSON summary like `api-hub push --json`'s, redacted too.
 */
export const pushWithProjectConfig: PushFn = async ({ root, file, dryRun, env, validated }) => {
  const [{ loadConfig, configErrors }, { specValidator }, push] = await Promise.all([
    import('../project/config.js'),
    import('../project/validation.js'),
    import('../push/index.js'),
  ]);
  const redact = makeRedactor(secretValues(env));

  const config = await loadConfig(root);
  const broken = configErrors(config.problems.push, config.problems.lint, config.problems.ignore);
  if (broken.length > 0) {
    const name = broken[0]?.file ?? 'api-hub.config.yaml';
    throw new HubError(redact(`${name} is not valid:\n${problemLines(broken, name, false)}`));
  }

  let outcome: Awaited<ReturnType<typeof push.pushToApidog>>;
  try {
    const validate = specValidator(config);
    outcome = await push.pushToApidog({
      root,
      env,
      config: { ...config.push, spec: file },
      validate: validated ? reusing(validated, validate) : validate,
      dryRun,
    });
  } catch (err) {
    throw redactError(err, redact);
  }

  const { spec, validation } = outcome;
  if (outcome.status === 'invalid') {
    const first = validation.problems.filter((p) => p.severity === 'error').slice(0, 10);
    throw new HubError(
      redact(
        `${spec} does not validate under the project's rules (redocly.yaml and its ignore file): ${validation.errorCount} errors, ${validation.warningCount} warnings${validation.fatal ? ', and it cannot be read or parsed as OpenAPI' : ''}. Nothing was sent.\n` +
          problemLines(first, spec),
      ),
    );
  }
  return redactDeep(push.outcomeSummary(outcome), redact);
};

/**
 * The push's validator, answering with the tool's own validation when the text the push is about
 * to send is the very text the tool validated (same rules: the project's configuration; the tool's
 * reader is the stricter one, confined to the root); any other text is validated again.
 */
function reusing(validated: PreValidated, validate: SpecValidator): SpecValidator {
  return async (path, options) => {
    const text = await options.reader.read(path);
    if (text !== validated.text) return validate(path, options);
    options.onRootLoaded({ data: validated.data });
    return validated.result;
  };
}

/** Every string in a JSON value (keys too) with the secrets taken out. */
function redactDeep(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)]));
  return value;
}
