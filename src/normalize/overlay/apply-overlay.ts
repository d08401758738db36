import { createRequire } from 'node:module';
import { cloneJson, isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Obj } from '../types.js';

/** jsonpath-plus, loaded when an overlay is applied (most builds have none): its import is ~7 ms of every start-up. */
let loaded: typeof import('jsonpath-plus').JSONPath | undefined;
const jsonPath = (): typeof import('jsonpath-plus').JSONPath =>
  (loaded ??= (createRequire(import.meta.url)('jsonpath-plus') as typeof import('jsonpath-plus')).JSONPath);

export interface OverlayFile {
  /** Project-relative file name, for the report. */
  file: string;
  overlay: Obj;
}

interface Match {
  parent: unknown;
  parentProperty: string | number | undefined;
  value: unknown;
  pointer: string;
}

/**
 * Apply an OpenAPI Overlay 1.0 document to `doc` in place, action by action
 * (spec.openapis.org/overlay/v1.0.0). Choices where the spec leaves room:
 *
 * - `update` on an object is a deep merge: objects merge recursively, any
 *   other value (arrays included) replaces; on an array the update is appended
 *   (as the spec says); on a primitive it replaces the value (as Overlay 1.1).
 * - `remove: true` removes every selected node (array items from the highest
 *   index down, so one action's indices stay valid).
 * - A target that selects nothing changes nothing and is a warning, not an
 *   error: the spec defines no failure, and a provider fixing its document
 *   upstream should not break the build. It does say so, so a stale overlay is noticed.
 * - JSONPath is evaluated by jsonpath-plus (safe evaluation: no `eval`).
 *
 * Returns one finding per action: what it changed, or why it changed nothing.
 */
export function applyOverlay(doc: Obj, { file, overlay }: OverlayFile): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const actions = Array.isArray(overlay.actions) ? overlay.actions : [];
  actions.forEach((action, i) => {
    if (!isObject(action) || typeof action.target !== 'string') return;
    const ptr = childPointer('', 'actions', i);
    const label = `${action.target}${typeof action.description === 'string' ? ` (${action.description})` : ''}`;
    applyAction(doc, action, action.target, { file, ptr, label, findings });
  });
  return findings;
}

/** Where an action is reported: the overlay file, the action's pointer and label, and the findings so far. */
interface ActionContext {
  file: string;
  ptr: string;
  label: string;
  findings: Diagnostic[];
}

/** One action: select its target, then remove or update what it selects. */
function applyAction(doc: Obj, action: Obj, target: string, ctx: ActionContext): void {
  const { file, ptr, label, findings } = ctx;
  let matches: Match[];
  try {
    matches = selectMatches(doc, target);
  } catch (err) {
    findings.push({
      ruleId: 'overlay-invalid-target',
      severity: 'error',
      message: `target ${target} is not a valid JSONPath: ${(err as Error).message}`,
      file,
      pointer: childPointer(ptr, 'target'),
    });
    return;
  }
  if (matches.length === 0) {
    findings.push({
      ruleId: 'overlay-no-match',
      severity: 'warn',
      message: `target ${label} selects nothing; the action changed nothing`,
      file,
      pointer: childPointer(ptr, 'target'),
    });
    return;
  }
  if (action.remove === true) {
    removeMatches(matches, ctx);
    return;
  }
  if (!('update' in action)) {
    findings.push({ ruleId: 'overlay-no-change', severity: 'warn', message: `action on ${label} has neither update nor remove: true`, file, pointer: ptr });
    return;
  }
  updateMatches(matches, action.update, ctx);
}

/** The nodes a JSONPath selects (throws on an invalid path). */
function selectMatches(doc: Obj, target: string): Match[] {
  const raw = (jsonPath()({ path: target, json: doc, resultType: 'all', wrap: true, eval: 'safe' }) as Match[] | undefined) ?? [];
  // jsonpath-plus gives array indices as strings.
  return raw.map((m) => (Array.isArray(m.parent) ? { ...m, parentProperty: Number(m.parentProperty) } : m));
}

/** `remove: true`: array items from the highest index down, so one action's indices stay valid. */
function removeMatches(matches: Match[], { file, ptr, label, findings }: ActionContext): void {
  const ordered = [...matches].sort((a, b) =>
    typeof b.parentProperty === 'number' && typeof a.parentProperty === 'number' ? b.parentProperty - a.parentProperty : 0,
  );
  let removed = 0;
  for (const m of ordered) {
    if (Array.isArray(m.parent) && typeof m.parentProperty === 'number') m.parent.splice(m.parentProperty, 1);
    else if (isObject(m.parent) && m.parentProperty !== undefined) delete m.parent[String(m.parentProperty)];
    else {
      findings.push({
        ruleId: 'overlay-invalid-target',
        severity: 'error',
        message: `target ${label} selects the document root, which cannot be removed`,
        file,
        pointer: childPointer(ptr, 'target'),
      });
      continue;
    }
    removed++;
  }
  findings.push({
    ruleId: 'overlay-action',
    severity: 'info',
    message: `removed ${removed} node(s) at ${label}: ${summarize(matches)}`,
    file,
    pointer: ptr,
  });
}

/** `update`: appended to an array, merged into an object, or replacing any other value. */
function updateMatches(matches: Match[], update: unknown, { file, ptr, label, findings }: ActionContext): void {
  for (const m of matches) {
    if (Array.isArray(m.value)) m.value.push(cloneJson(update));
    else if (isObject(m.value) && isObject(update)) deepMerge(m.value, update);
    else if ((Array.isArray(m.parent) && typeof m.parentProperty === 'number') || (isObject(m.parent) && m.parentProperty !== undefined)) {
      (m.parent as Record<string | number, unknown>)[m.parentProperty] = cloneJson(update);
    } else if (!isObject(update)) {
      findings.push({
        ruleId: 'overlay-invalid-target',
        severity: 'error',
        message: `the update of ${label} must be an object to merge into the document root`,
        file,
        pointer: childPointer(ptr, 'update'),
      });
      return;
    }
  }
  findings.push({
    ruleId: 'overlay-action',
    severity: 'info',
    message: `updated ${matches.length} node(s) at ${label}: ${summarize(matches)}`,
    file,
    pointer: ptr,
  });
}

/** Merge `update` into `target`: objects recursively, anything else replaces. */
function deepMerge(target: Obj, update: Obj): void {
  for (const [k, v] of Object.entries(update)) {
    const cur = target[k];
    if (isObject(cur) && isObject(v)) deepMerge(cur, v);
    else target[k] = cloneJson(v);
  }
}

function summarize(matches: readonly Match[]): string {
  const shown = matches.slice(0, 3).map((m) => m.pointer || '/');
  return shown.join(', ') + (matches.length > 3 ? ` and ${matches.length - 3} more` : '');
}
