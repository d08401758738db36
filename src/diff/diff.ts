import { cmp } from '../core/diagnostic.js';
import { HTTP_METHODS } from '../core/http-methods.js';
import { isObject } from '../core/json.js';
import { childPointer, pointer, resolvePointer } from '../core/pointer.js';
import { localTarget } from '../normalize/component-ref.js';
import { operationLabel, Reach } from './reach.js';
import { diffSchemas, type SchemaChange } from './schema-diff.js';
import type { Change, DiffResult, Direction } from './types.js';
import { deref, groupOf, params, securityOf, serversOf, type Obj } from './doc-read.js';
import { compareContent, type Draft, line, schemaDraft, securitySchemeChanges, sharedChange } from './drafts.js';

export { reachText } from './drafts.js';

const METHODS = HTTP_METHODS;

/**
 * Classify every change between two OpenAPI 3.x documents as breaking or not
 * for a client of the API (see README "How changes are classed"). Each change
 * names the place it is at (`request body output_format`). A change inside a
 * component that several operations reach is reported once, naming the
 * component and the operations; so is a change of servers or security shared
 * by several operations. Swagger 2.0 and 3.0 inputs go through
 * `prepareForDiff` first (the build's upgrade), see `diffOpenApi`.
 */
export function diffDocuments(oldDoc: Obj, newDoc: Obj): DiffResult {
  const oldPaths = isObject(oldDoc.paths) ? oldDoc.paths : {};
  const newPaths = isObject(newDoc.paths) ? newDoc.paths : {};
  const run = new DiffRun(oldDoc, newDoc);
  for (const path of new Set([...Object.keys(oldPaths), ...Object.keys(newPaths)])) run.comparePath(path, oldPaths[path], newPaths[path]);
  run.reportShared(operationGroups(oldPaths, newPaths));
  return summarize(run.changes);
}

/** An operation as a fanned-out change names it. */
interface OperationAt {
  label: string;
  provider?: string;
  group: string;
  method: string;
  path: string;
}

/** One operation present in both documents, being compared. */
interface OperationPair {
  path: string;
  method: string;
  /** The path items, old and new. */
  a: Obj;
  b: Obj;
  /** The operations, old and new. */
  oa: Obj;
  ob: Obj;
  /** Pointers to the path item and to the operation. */
  pp: string;
  op: string;
  at: OperationAt;
  emit: (d: Draft) => void;
  fromSchema: (where: string, direction: Direction) => (c: SchemaChange) => void;
}

/** Every operation's group, in either document: a change reaching operations of one group only is reported in that group. */
function operationGroups(oldPaths: Obj, newPaths: Obj): Map<string, { provider?: string; group: string }> {
  const groups = new Map<string, { provider?: string; group: string }>();
  for (const paths of [oldPaths, newPaths]) {
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const m of METHODS) if (isObject(item[m])) groups.set(operationLabel(m, path), groupOf(item[m] as Obj, path));
    }
  }
  return groups;
}

/** The changes in their reporting order, with the breaking ones counted. */
function summarize(changes: Change[]): DiffResult {
  changes.sort(
    (x, y) =>
      cmp(x.provider ?? '', y.provider ?? '') ||
      cmp(x.group, y.group) ||
      cmp(x.path ?? '', y.path ?? '') ||
      cmp(x.method ?? '', y.method ?? '') ||
      cmp(x.pointer, y.pointer) ||
      cmp(x.message, y.message),
  );
  const breaking = changes.filter((c) => c.breaking).length;
  return { breaking, nonBreaking: changes.length - breaking, changes };
}

/** A Draft from a schema change, placed at `where`. */
class DiffRun {
  readonly changes: Change[] = [];
  private reachOld: Reach | undefined;
  private reachNew: Reach | undefined;
  /** Shared components met while comparing, by `ref|direction`. */
  private readonly pending = new Map<string, { ref: string; dir: Direction }>();
  private readonly pendingParams = new Set<string>();
  /** Changes of servers and security, by message: one operation's, or many operations' at once. */
  private readonly fanout = new Map<string, { draft: Draft; ops: OperationAt[] }>();

  constructor(
    private readonly oldDoc: Obj,
    private readonly newDoc: Obj,
  ) {}

  /** Operations that reach a component, in either document. */
  reachOf(key: string): string[] {
    this.reachOld ??= new Reach(this.oldDoc);
    this.reachNew ??= new Reach(this.newDoc);
    return [...new Set([...this.reachOld.operations(key), ...this.reachNew.operations(key)])].sort(cmp);
  }

  readonly sharedRef = (ref: string, dir: Direction): boolean => {
    const t = localTarget(ref);
    if (!t || ref !== `#${pointer('components', t.section, t.name)}`) return false;
    if (this.reachOf(`${t.section}/${t.name}`).length < 2) return false;
    this.pending.set(`${ref}|${dir}`, { ref, dir });
    return true;
  };

  private sharedParam(ref: string): boolean {
    const t = localTarget(ref);
    if (t?.section !== 'parameters' || ref !== `#${pointer('components', t.section, t.name)}`) return false;
    if (this.reachOf(`parameters/${t.name}`).length < 2) return false;
    this.pendingParams.add(ref);
    return true;
  }

  private compareParam(a: Obj, b: Obj, ptr: string, emit: (d: Draft) => void, onSchema: (c: SchemaChange) => void): void {
    if (b.required === true && a.required !== true)
      emit({
        kind: 'parameter-required',
        breaking: true,
        checkId: 'request-parameter-became-required',
        direction: 'request',
        where: `${String(b.in)} parameter ${String(b.name)}`,
        pointer: ptr,
        what: 'became required',
      });
    const found = diffSchemas(this.oldDoc, this.newDoc, a.schema, b.schema, 'request', childPointer(ptr, 'schema'), {
      sharedRef: this.sharedRef,
      holder: 'parameter',
    });
    for (const c of found) onSchema(c);
  }

  /** One path: added, removed, or each of its operations compared. */
  comparePath(path: string, rawA: unknown, rawB: unknown): void {
    const a = isObject(rawA) ? (rawA as Obj) : undefined;
    const b = isObject(rawB) ? (rawB as Obj) : undefined;
    const pp = pointer('paths', path);
    // Neither is a Path Item Object (null, a string, a list): nothing to compare; validate reports such a document.
    if (!a && !b) return;
    if (a && b) {
      for (const method of METHODS) this.compareMethod(path, method, a, b, pp);
      return;
    }
    const item = (a ?? b)!;
    const firstOp = METHODS.map((m) => item[m]).find(isObject);
    const ops = METHODS.filter((m) => isObject(item[m])).map((m) => m.toUpperCase());
    const what = `path ${b ? 'added' : 'removed'}${ops.length ? ` (${ops.join(', ')})` : ''}`;
    this.changes.push({
      kind: b ? 'path-added' : 'path-removed',
      breaking: !b,
      checkId: b ? 'endpoint-added' : 'api-path-removed-without-deprecation',
      ...groupOf(firstOp, path),
      path,
      where: `path ${path}`,
      pointer: pp,
      message: line(`path ${path}`, undefined, what.replace(/^path /, '')),
    });
  }

  /** One method of a path both documents have: the operation added, removed, or compared. */
  private compareMethod(path: string, method: string, a: Obj, b: Obj, pp: string): void {
    const oa = isObject(a[method]) ? (a[method] as Obj) : undefined;
    const ob = isObject(b[method]) ? (b[method] as Obj) : undefined;
    if (!oa && !ob) return;
    const op = childPointer(pp, method);
    const g = groupOf(ob ?? oa, path);
    const emit = (d: Draft) =>
      this.changes.push({
        kind: d.kind,
        breaking: d.breaking,
        ...(d.checkId ? { checkId: d.checkId } : {}),
        ...g,
        method,
        path,
        ...(d.direction ? { direction: d.direction } : {}),
        where: d.where,
        ...(d.property ? { property: d.property } : {}),
        pointer: d.pointer,
        message: d.where === 'operation' ? `operation ${d.what}` : line(d.where, d.property, d.what),
      });
    if (!oa || !ob) {
      emit({
        kind: ob ? 'operation-added' : 'operation-removed',
        breaking: !ob,
        checkId: ob ? 'endpoint-added' : 'api-removed-without-deprecation',
        where: 'operation',
        pointer: op,
        what: ob ? 'added' : 'removed',
      });
      return;
    }
    const fromSchema = (where: string, direction: Direction) => (c: SchemaChange) => emit(schemaDraft(c, where, direction));
    const at = { label: operationLabel(method, path), ...g, method, path };
    this.compareOperation({ path, method, a, b, oa, ob, pp, op, at, emit, fromSchema });
  }

  private compareOperation(o: OperationPair): void {
    this.compareParameters(o);
    this.compareRequestBody(o);
    this.compareResponses(o);
    // Servers and security: usually the same change for many operations, collected and reported once by `reportShared`.
    this.collectServers(o);
    this.collectSecurity(o);
  }

  private compareParameters({ a, b, oa, ob, pp, op, emit, fromSchema }: OperationPair): void {
    const pa = params(this.oldDoc, a, oa, { item: pp, op });
    const pb = params(this.newDoc, b, ob, { item: pp, op });
    for (const [k, { p, ptr, ref }] of pb) {
      const before = pa.get(k);
      const where = `${p.in} parameter ${p.name}`;
      if (!before) {
        const required = p.required === true;
        emit({
          kind: 'parameter-added',
          breaking: required,
          checkId: required ? 'new-required-request-parameter' : 'new-optional-request-parameter',
          direction: 'request',
          where,
          pointer: ptr,
          what: `${required ? 'required' : 'optional'} parameter added`,
        });
        continue;
      }
      // The same shared parameter component on both sides: compared once, by `reportSharedParams`.
      if (ref && before.ref === ref && this.sharedParam(ref)) continue;
      this.compareParam(before.p, p, ptr, emit, fromSchema(where, 'request'));
    }
    for (const [k, { p, ptr }] of pa)
      if (!pb.has(k))
        emit({
          kind: 'parameter-removed',
          breaking: true,
          checkId: 'request-parameter-removed',
          direction: 'request',
          where: `${p.in} parameter ${p.name}`,
          pointer: ptr,
          what: 'parameter removed',
        });
  }

  private compareRequestBody({ oa, ob, op, emit, fromSchema }: OperationPair): void {
    const ba = deref(this.oldDoc, oa.requestBody);
    const bb = deref(this.newDoc, ob.requestBody);
    if (bb && bb.required === true && ba?.required !== true)
      emit({
        kind: 'request-body-required',
        breaking: true,
        checkId: 'request-body-became-required',
        direction: 'request',
        where: 'request body',
        pointer: childPointer(op, 'requestBody'),
        what: 'became required',
      });
    compareContent(this.oldDoc, this.newDoc, ba, bb, 'request', 'request body', childPointer(op, 'requestBody', 'content'), emit, fromSchema, this.sharedRef);
  }

  private compareResponses({ oa, ob, op, emit, fromSchema }: OperationPair): void {
    const ra = isObject(oa.responses) ? oa.responses : {};
    const rb = isObject(ob.responses) ? ob.responses : {};
    for (const code of Object.keys(ra)) {
      const rp = childPointer(op, 'responses', code);
      if (!(code in rb))
        emit({
          kind: 'response-removed',
          breaking: true,
          checkId: code.startsWith('2') ? 'response-success-status-removed' : 'response-non-success-status-removed',
          direction: 'response',
          where: `response ${code}`,
          pointer: rp,
          what: 'removed',
        });
      else
        compareContent(
          this.oldDoc,
          this.newDoc,
          ra[code],
          rb[code],
          'response',
          `response ${code} body`,
          childPointer(rp, 'content'),
          emit,
          fromSchema,
          this.sharedRef,
        );
    }
    for (const code of Object.keys(rb))
      if (!(code in ra))
        emit({
          kind: 'response-added',
          breaking: false,
          direction: 'response',
          where: `response ${code}`,
          pointer: childPointer(op, 'responses', code),
          what: 'added',
        });
  }

  /** A server or security change of one operation, kept with the same change of the others. */
  private collect(d: Draft, at: OperationAt): void {
    const key = `${d.kind}|${d.where}|${d.what}`;
    const entry = this.fanout.get(key);
    if (entry) entry.ops.push(at);
    else this.fanout.set(key, { draft: d, ops: [at] });
  }

  private collectServers({ a, b, oa, ob, pp, op, at }: OperationPair): void {
    const sa = serversOf(this.oldDoc, a, oa);
    const sb = serversOf(this.newDoc, b, ob);
    const goneUrls = sa.filter((u) => !sb.includes(u));
    const newUrls = sb.filter((u) => !sa.includes(u));
    const serversPtr =
      isObject(ob) && Array.isArray(ob.servers) ? childPointer(op, 'servers') : Array.isArray(b.servers) ? childPointer(pp, 'servers') : '/servers';
    const collect = (d: Draft) => this.collect(d, at);
    if (goneUrls.length === 1 && newUrls.length === 1)
      collect({ kind: 'server-changed', breaking: true, where: 'servers', pointer: serversPtr, what: `url changed from ${goneUrls[0]} to ${newUrls[0]}` });
    else {
      for (const u of goneUrls) collect({ kind: 'server-removed', breaking: true, where: 'servers', pointer: serversPtr, what: `url ${u} removed` });
      for (const u of newUrls) collect({ kind: 'server-added', breaking: false, where: 'servers', pointer: serversPtr, what: `url ${u} added` });
    }
  }

  private collectSecurity({ oa, ob, op, at }: OperationPair): void {
    const qa = securityOf(this.oldDoc, oa);
    const qb = securityOf(this.newDoc, ob);
    const secPtr = Array.isArray(ob.security) ? childPointer(op, 'security') : '/security';
    // Removing the only requirement opens the operation (nothing breaks); removing one of several makes its users switch.
    for (const s of qa)
      if (!qb.has(s))
        this.collect(
          {
            kind: 'security-removed',
            breaking: qb.size > 0,
            checkId: 'api-security-removed',
            where: 'security',
            pointer: secPtr,
            what: `requirement ${s} removed`,
          },
          at,
        );
    // A new requirement breaks anonymous callers; one more alternative breaks nobody.
    for (const s of qb)
      if (!qa.has(s))
        this.collect(
          {
            kind: 'security-added',
            breaking: qa.size === 0,
            checkId: 'api-security-added',
            where: 'security',
            pointer: secPtr,
            what: `requirement ${s} added`,
          },
          at,
        );
  }

  /** What was left to report once: server and security changes, security schemes, shared parameters and components. */
  reportShared(groups: Map<string, { provider?: string; group: string }>): void {
    const shared = (d: Draft, group: string, ops: string[]): Change => {
      const homes = new Set(ops.map((o) => JSON.stringify(groups.get(o) ?? null)));
      const home = homes.size === 1 ? groups.get(ops[0]!) : undefined;
      return sharedChange(d, home ?? { provider: 'shared', group }, ops);
    };
    this.reportFanout(shared);
    securitySchemeChanges(this.oldDoc, this.newDoc, (d, key) => this.changes.push(shared(d, 'security', this.reachOf(key))));
    this.reportSharedParams(shared);
    this.reportSharedSchemas(shared);
  }

  private reportFanout(shared: SharedChange): void {
    for (const { draft: d, ops } of this.fanout.values()) {
      if (ops.length === 1) {
        const o = ops[0]!;
        this.changes.push({
          kind: d.kind,
          breaking: d.breaking,
          ...(d.checkId ? { checkId: d.checkId } : {}),
          ...(o.provider ? { provider: o.provider } : {}),
          group: o.group,
          method: o.method,
          path: o.path,
          where: d.where,
          pointer: d.pointer,
          message: line(d.where, undefined, d.what),
        });
      } else this.changes.push(shared(d, d.where, ops.map((o) => o.label).sort(cmp)));
    }
  }

  private reportSharedParams(shared: SharedChange): void {
    for (const ref of this.pendingParams) {
      const ptr = ref.slice(1);
      const a = deref(this.oldDoc, resolvePointer(this.oldDoc, ptr));
      const b = deref(this.newDoc, resolvePointer(this.newDoc, ptr));
      if (!a || !b) continue;
      const t = localTarget(ref)!;
      const ops = this.reachOf(`parameters/${t.name}`);
      const where = `${String(b.in)} parameter ${String(b.name)}`;
      const group = `parameters/${t.name}`;
      this.compareParam(
        a,
        b,
        ptr,
        (d) => this.changes.push(shared(d, group, ops)),
        (c) => this.changes.push(shared(schemaDraft(c, where, 'request'), group, ops)),
      );
    }
  }

  /** Shared components, each once per direction; those they reach in turn are queued as they are met. */
  private reportSharedSchemas(shared: SharedChange): void {
    const done = new Set<string>();
    for (const [key, { ref, dir }] of this.pending) {
      if (done.has(key)) continue;
      done.add(key);
      const t = localTarget(ref)!;
      const where = `${dir} schema ${t.name}`;
      const ptr = ref.slice(1);
      const found = diffSchemas(this.oldDoc, this.newDoc, resolvePointer(this.oldDoc, ptr), resolvePointer(this.newDoc, ptr), dir, ptr, {
        sharedRef: this.sharedRef,
      });
      const ops = this.reachOf(`${t.section}/${t.name}`);
      for (const c of found) this.changes.push(shared(schemaDraft(c, where, dir), `${t.section}/${t.name}`, ops));
    }
  }
}

/** A change reaching several operations, reported in their group when they share one, else under `shared`. */
type SharedChange = (d: Draft, group: string, ops: string[]) => Change;
