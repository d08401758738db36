import { basename } from 'node:path';
import { cmp } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { childPointer, parsePointer, pointer, resolvePointer } from '../../core/pointer.js';
import type { Obj } from '../types.js';
import { childType, componentSection, rootType, type OasFamily } from './object-types.js';
import { isUrl, refNotAllowed, resolveRef, type FileSet, type FileSetOptions } from './file-set.js';

export interface BundleFinding {
  ruleId: 'bundle' | 'bundle-unresolved-ref' | 'bundle-circular-ref' | 'bundle-operation-ref';
  severity: 'error' | 'warn' | 'info';
  message: string;
  /** Location of the document the `$ref` is in, and the pointer of the `$ref` object there. */
  location: string;
  pointer: string;
}

export interface BundleResult {
  document: Obj;
  /** Locations whose content is in the result (the root first, then sorted). */
  files: string[];
  /** What was placed in components, by section: `{ section, name, from }`. */
  hoisted: Array<{ section: string; name: string; from: string }>;
  inlined: number;
  findings: BundleFinding[];
}

interface Hoist {
  section: string;
  location: string;
  fragment: string;
  type: string;
  candidate: string;
  holders: Obj[];
  value?: unknown;
}

/**
 * Bundle a multi-file description into one document. Pure over the loaded
 * file set.
 *
 * - A `$ref` to another file, at a position whose object type has a components
 *   section (Schema, Response, Parameter, Example, RequestBody, Header, Link,
 *   Callback, SecurityScheme; for 2.0 definitions/parameters/responses), places
 *   the target there once, under a name taken from the pointer's last segment
 *   or the file name; clashing names get `_2`, `_3`… in code-point order of
 *   (name, location, pointer), so names do not depend on traversal order.
 * - Anything else a `$ref` names (path items, operations, descriptions, code
 *   samples) is inlined. DigitalOcean puts `$ref` directly under operations;
 *   OpenAPI does not allow it there, the bundler inlines it and says so.
 * - Circular references between files work: a component is registered before
 *   its content is bundled. A cycle through inlined objects cannot be
 *   represented and is an error.
 * - Refs that stay inside the root document are kept as they are.
 */
export function bundleFileSet(set: FileSet, family: OasFamily, options: Pick<FileSetOptions, 'confine' | 'allowRemoteRefs'>): BundleResult {
  const rootFile = set.files.get(set.root);
  if (!rootFile || !isObject(rootFile.data)) throw new Error(`bundle: ${set.root} is not loaded or not an object`);
  const bundler = new Bundler(set, family, options);
  const document = bundler.convert(rootFile.data, set.root, rootType(family), '') as Obj;
  bundler.convertHoisted();
  const hoisted = placeHoisted(document, bundler.hoists.values(), family);
  for (const fill of bundler.deferred) fill();
  if (isObject(document.components) && Object.keys(document.components).length === 0) delete document.components;
  bundler.reportCounts();
  const files = [set.root, ...[...bundler.used].filter((f) => f !== set.root).sort(cmp)];
  return { document, files, hoisted, inlined: bundler.inlined, findings: bundler.findings };
}

/** Where a `$ref` leads: the file, the fragment in it, and the value there. */
interface Resolved {
  location: string;
  fragment: string;
  value: unknown;
}

/** One bundling of a file set: converts documents, hoisting or inlining what their `$ref`s name, and keeps count. */
class Bundler {
  readonly findings: BundleFinding[] = [];
  /** `section \0 location \0 fragment` -> the component placed for it. */
  readonly hoists = new Map<string, Hoist>();
  /** Hoisted components whose content is still to convert, in the order met (grows while converting). */
  private readonly queue: Hoist[] = [];
  /** Locations whose content is in the result. */
  readonly used: Set<string>;
  /** `location#fragment` of the objects being inlined: meeting one again is a cycle. */
  private readonly inlining = new Set<string>();
  /** Assignments to run once the hoisted components are named (discriminator mappings to them). */
  readonly deferred: Array<() => void> = [];
  inlined = 0;
  private operationRefs = 0;
  private dataRefs = 0;

  constructor(
    private readonly set: FileSet,
    private readonly family: OasFamily,
    private readonly options: Pick<FileSetOptions, 'confine' | 'allowRemoteRefs'>,
  ) {
    this.used = new Set<string>([set.root]);
  }

  private fail(ruleId: BundleFinding['ruleId'], location: string, ptr: string, message: string): void {
    this.findings.push({ ruleId, severity: 'error', message, location, pointer: ptr });
  }

  /** The value a ref names, or undefined (reported unless `quiet`). */
  private target(ref: string, location: string, ptr: string, quiet = false): Resolved | undefined {
    const report = quiet ? () => undefined : this.fail.bind(this);
    const t = resolveRef(ref, location);
    const denied = t.location === location ? undefined : refNotAllowed(t.location, location, this.options);
    if (denied) return void report('bundle-unresolved-ref', location, ptr, `$ref ${JSON.stringify(ref)} is ${denied}`);
    if (t.fragment !== '' && !t.fragment.startsWith('/'))
      return void report('bundle-unresolved-ref', location, ptr, `$ref ${JSON.stringify(ref)}: only JSON pointer fragments are supported`);
    const file = this.set.files.get(t.location);
    if (!file)
      return void report('bundle-unresolved-ref', location, ptr, `$ref ${JSON.stringify(ref)}: ${this.set.missing.get(t.location) ?? 'file not loaded'}`);
    const value = t.fragment === '' ? file.data : resolvePointer(file.data, t.fragment);
    if (value === undefined) return void report('bundle-unresolved-ref', location, ptr, `$ref ${JSON.stringify(ref)}: nothing at #${t.fragment}`);
    this.used.add(t.location);
    return { ...t, value };
  }

  /** A copy of `node` (of object type `type`, at `ptr` in `location`) with its `$ref`s bundled. */
  convert(node: unknown, location: string, type: string, ptr: string): unknown {
    if (Array.isArray(node)) return node.map((v, i) => this.convert(v, location, childType(type, i), childPointer(ptr, i)));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      if (type !== 'Data') return this.convertRef(node, node.$ref, location, type, ptr);
      // In example and default values a `$ref` is data, but multi-file descriptions use it to include
      // example files (DigitalOcean): one naming another file is included; a root-document one stays data.
      if (!node.$ref.startsWith('#') || location !== this.set.root) {
        const resolved = this.target(node.$ref, location, ptr, true);
        if (resolved) {
          this.dataRefs++;
          return this.convert(resolved.value, resolved.location, 'Data', resolved.fragment);
        }
      }
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) out[k] = this.convert(v, location, childType(type, k), childPointer(ptr, k));
    if (type === 'Schema' && isObject(out.discriminator) && isObject(out.discriminator.mapping))
      this.convertMapping(out.discriminator.mapping, location, childPointer(ptr, 'discriminator', 'mapping'));
    return out;
  }

  /** Convert the hoisted components' content, those it hoists in turn included. */
  convertHoisted(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const h = this.queue[i]!;
      h.value = this.convert(h.value, h.location, h.type, h.fragment);
    }
  }

  /** Discriminator mapping values are references written as strings: bundle them like `$ref`s to schemas. */
  private convertMapping(mapping: Obj, location: string, ptr: string): void {
    for (const [k, v] of Object.entries(mapping)) {
      if (typeof v !== 'string' || !/[#/]|\.(ya?ml|json)$/i.test(v)) continue;
      const converted = this.convertRef({ $ref: v }, v, location, 'Schema', childPointer(ptr, k));
      if (!isObject(converted) || typeof converted.$ref !== 'string') continue;
      if (converted.$ref !== '') mapping[k] = converted.$ref;
      else this.deferred.push(() => (mapping[k] = converted.$ref));
    }
  }

  /** The keys of a `$ref` object other than `$ref`, converted. */
  private siblings(node: Obj, location: string, type: string, ptr: string): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) if (k !== '$ref') out[k] = this.convert(v, location, childType(type, k), childPointer(ptr, k));
    return out;
  }

  private convertRef(node: Obj, ref: string, location: string, type: string, ptr: string): unknown {
    const isLocal = ref.startsWith('#');
    // A ref inside the root document to the root document stays as it is.
    if (isLocal && location === this.set.root) return { $ref: ref, ...this.siblings(node, location, type, ptr) };
    const t = resolveRef(ref, location);
    if (t.location === this.set.root) return { $ref: `#${t.fragment}`, ...this.siblings(node, location, type, ptr) };
    const section = componentSection(type, this.family);
    if (section) return this.hoistRef(node, ref, t, section, location, type, ptr);
    return this.inlineRef(node, ref, t, location, type, ptr);
  }

  /** A `$ref` to a component: the target is placed in `section` once; the ref is filled in when it is named. */
  private hoistRef(node: Obj, ref: string, t: { location: string; fragment: string }, section: string, location: string, type: string, ptr: string): unknown {
    const key = `${section}\u0000${t.location}\u0000${t.fragment}`;
    let h = this.hoists.get(key);
    if (!h) {
      const resolved = this.target(ref, location, ptr);
      if (!resolved) return { ...node };
      h = { section, location: t.location, fragment: t.fragment, type, candidate: candidateName(t.location, t.fragment), holders: [], value: resolved.value };
      this.hoists.set(key, h);
      this.queue.push(h);
    }
    const holder: Obj = { $ref: '' };
    h.holders.push(holder);
    return Object.assign(holder, this.siblings(node, location, type, ptr));
  }

  /** A `$ref` to anything else: its target's content in its place, the ref's siblings over it. */
  private inlineRef(node: Obj, ref: string, t: { location: string; fragment: string }, location: string, type: string, ptr: string): unknown {
    const resolved = this.target(ref, location, ptr);
    if (!resolved) return { ...node };
    const key = `${t.location}#${t.fragment}`;
    if (this.inlining.has(key)) {
      this.fail(
        'bundle-circular-ref',
        location,
        ptr,
        `$ref ${JSON.stringify(ref)} is circular through objects that are not components (${type}); it cannot be inlined`,
      );
      return {};
    }
    if (type === 'Operation') this.operationRefs++;
    this.inlined++;
    this.inlining.add(key);
    const value = this.convert(resolved.value, t.location, type, t.fragment);
    this.inlining.delete(key);
    const extra = this.siblings(node, location, type, ptr);
    return isObject(value) ? { ...value, ...extra } : value;
  }

  /** The findings that count what was done: operation refs inlined, files included as example values. */
  reportCounts(): void {
    const root = this.set.root;
    if (this.operationRefs > 0) {
      this.findings.push({
        ruleId: 'bundle-operation-ref',
        severity: 'warn',
        message: `${this.operationRefs} $ref(s) directly under a path's operation (not allowed by OpenAPI) were inlined`,
        location: root,
        pointer: '/paths',
      });
    }
    if (this.dataRefs > 0) {
      this.findings.push({
        ruleId: 'bundle',
        severity: 'info',
        message: `${this.dataRefs} $ref(s) inside example or default values named other files; their content was included as the value`,
        location: root,
        pointer: '',
      });
    }
  }
}

/**
 * Place the hoisted components in `document` and point their refs at them. Existing components
 * keep their names; hoisted ones are assigned in code-point order.
 */
function placeHoisted(document: Obj, hoists: Iterable<Hoist>, family: OasFamily): BundleResult['hoisted'] {
  const hoisted: BundleResult['hoisted'] = [];
  const container = family === '2.0' ? document : ((document.components = isObject(document.components) ? document.components : {}) as Obj);
  const ordered = [...hoists].sort(
    (a, b) => cmp(a.section, b.section) || cmp(a.candidate, b.candidate) || cmp(a.location, b.location) || cmp(a.fragment, b.fragment),
  );
  for (const h of ordered) {
    const sec = (container[h.section] = isObject(container[h.section]) ? container[h.section] : {}) as Obj;
    let name = h.candidate;
    for (let n = 2; name in sec; n++) name = `${h.candidate}_${n}`;
    sec[name] = h.value;
    const ref = family === '2.0' ? `#${pointer(h.section, name)}` : `#${pointer('components', h.section, name)}`;
    for (const holder of h.holders) holder.$ref = ref;
    hoisted.push({ section: h.section, name, from: `${h.location}${h.fragment ? `#${h.fragment}` : ''}` });
  }
  return hoisted;
}

/** A component name from the pointer's last segment, else the file name: `models/droplet.yml` -> `droplet`. */
function candidateName(location: string, fragment: string): string {
  const segs = fragment.startsWith('/') ? parsePointer(fragment) : [];
  const last = segs.length > 0 ? segs[segs.length - 1]! : basename(isUrl(location) ? new URL(location).pathname : location).replace(/\.(ya?ml|json)$/i, '');
  return last.replace(/[^A-Za-z0-9._-]+/g, '_') || 'Component';
}
