import type { Rule, RuleContext } from './rule.js';
import { at, isRecord, lazy, type ResolvedParam, resolvedOperations, resolvedParams } from './util.js';

type Param = ResolvedParam;

const FORM = /^\s*(multipart\/(.*\+)?form-data|application\/(.*\+)?x-www-form-urlencoded)\s*(;|$)/i;

/**
 * Swagger 2.0 §Parameter Object (https://spec.openapis.org/oas/v2.0.html#parameter-object), over
 * the parameters an operation has (its own, and its path item's it does not override, `$ref`s
 * resolved), which the official schema cannot see:
 * - "There can be one `body` parameter at most" (error);
 * - body and form parameters "cannot exist together for the same operation" (error);
 * - a `type: file` parameter: "the consumes MUST be either `multipart/form-data`,
 *   `application/x-www-form-urlencoded` or both and the parameter MUST be in `formData`" (error;
 *   `in` other than formData is also a `struct` error);
 * - `formData` parameters describe a `multipart/form-data` or `application/x-www-form-urlencoded`
 *   payload: without such a `consumes` they describe nothing the operation accepts (the spec
 *   states it but names no MUST: a warning).
 */
export const specBodyParameters: Rule = {
  id: 'spec-body-parameters',
  severity: 'error',
  description: '2.0: at most one `body` parameter, not with `formData`; `type: file` and `formData` need a form `consumes`.',
  versions: ['2.0'],
  create: ({ set, report }) => {
    const root = set.root.data;
    const rootConsumes = isRecord(root) ? root.consumes : undefined;
    const once = reportOnce(report);
    return {
      PathItem(item, ctx) {
        const shared = resolvedParams(
          item.parameters,
          ctx.file,
          lazy(() => at(ctx, 'parameters')),
          ctx,
        );
        const ops = resolvedOperations(item, ctx);
        if (ops.length === 0) {
          if (shared.some(isPayload)) checkPayload(shared, rootConsumes, once);
          return;
        }
        for (const op of ops) {
          const own = resolvedParams(op.value.parameters, op.file, op.parameters, ctx);
          if (!shared.some(isPayload) && !own.some(isPayload)) continue;
          // An operation's parameter overrides its path item's of the same name and location.
          const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
          checkPayload(merged, Object.hasOwn(op.value, 'consumes') ? op.value.consumes : rootConsumes, once);
        }
      },
    };
  },
};

/** Reports a finding on a parameter; a parameter shared by several operations is reported once. */
type Once = (p: Param, message: string, severity: 'error' | 'warn', suggestion: string) => void;

function reportOnce(report: RuleContext['report']): Once {
  const reported = new Set<string>();
  return (p, message, severity, suggestion) => {
    const pointer = p.pointer();
    const key = `${p.file.path}#${pointer}`;
    if (reported.has(key)) return;
    reported.add(key);
    report({ file: p.file, pointer, message, suggestion, ...(severity === 'warn' ? { severity } : {}) });
  };
}

/** The checks over the parameters of one operation, `consumes` its media types (its own, else the document's). */
function checkPayload(params: readonly Param[], consumes: unknown, once: Once): void {
  const form = checkBodyAndForm(params, once);
  if (form) checkFormConsumes(params, form, consumes, once);
}

/** At most one `body` parameter, and not with `formData` ones; returns the first `formData` parameter. */
function checkBodyAndForm(params: readonly Param[], once: Once): Param | undefined {
  let body: Param | undefined;
  let form: Param | undefined;
  for (const p of params) {
    if (p.in === 'body') {
      if (body)
        once(
          p,
          `a second \`body\` parameter (the first is \`${String(body.name)}\`): an operation has one body parameter at most`,
          'error',
          'Describe the whole payload with one body parameter.',
        );
      else if (form)
        once(
          p,
          `a \`body\` parameter in an operation with \`formData\` parameter \`${String(form.name)}\`: body and form parameters cannot exist together`,
          'error',
          'Use either one body parameter or formData parameters.',
        );
      body ??= p;
    } else if (p.in === 'formData') {
      if (body && !form)
        once(
          p,
          `a \`formData\` parameter in an operation with \`body\` parameter \`${String(body.name)}\`: body and form parameters cannot exist together`,
          'error',
          'Use either one body parameter or formData parameters.',
        );
      form ??= p;
    }
  }
  return form;
}

/** `formData` parameters need a form `consumes`: an error for a `type: file` one, else a warning on the first. */
function checkFormConsumes(params: readonly Param[], form: Param, consumes: unknown, once: Once): void {
  const list = Array.isArray(consumes) ? consumes : [];
  if (list.some((c) => typeof c === 'string' && FORM.test(c))) return;
  const said = list.length === 0 ? 'declares no `consumes`' : `consumes only ${list.map((c) => `\`${String(c)}\``).join(', ')}`;
  const file = params.find((p) => p.in === 'formData' && p.type === 'file');
  if (file)
    once(
      file,
      `file parameter \`${String(file.name)}\`: the operation ${said}; a file parameter needs \`multipart/form-data\` or \`application/x-www-form-urlencoded\``,
      'error',
      'Add `consumes: [multipart/form-data]` to the operation (or the document).',
    );
  else
    once(
      form,
      `form parameter \`${String(form.name)}\`: the operation ${said}; form parameters describe a \`multipart/form-data\` or \`application/x-www-form-urlencoded\` payload`,
      'warn',
      'Add `consumes: [application/x-www-form-urlencoded]` (or multipart/form-data) to the operation (or the document).',
    );
}

const isPayload = (p: Param): boolean => p.in === 'body' || p.in === 'formData';
