/**
 * openapi-typescript 7.13.0's `scanDiscriminators` (dist/lib/utils.cjs, MIT licence,
 * © openapi-ts contributors), ported with one change: its walk kept a new path array
 * per node (`path.concat(k)`), which made the two walks over the unified document
 * ~120 ms of generate's ~1.3 s; this walk keeps one path stack. The visit order, the
 * callbacks and the document's mutations are the original's, line for line, so the
 * types are the same: schema-types.test.ts compares emitSchemaTypes with `openapiTS()`
 * on every document of the corpus, and discriminators.test.ts this scan with the
 * original. Used only with the release it was ported from (schema-types.ts checks).
 */
type Obj = Record<string, unknown>;
type Discriminator = { propertyName: string; mapping?: Record<string, string> } & Obj;
type Path = Array<string | number>;

export interface DiscriminatorHelpers {
  createRef(path: Path): string;
  resolveRef<T>(schema: unknown, $ref: string, options: { silent: boolean }): T | undefined;
  warn(message: string, silent?: boolean): void;
}

export function scanDiscriminators(
  schema: Obj,
  options: { silent?: boolean },
  h: DiscriminatorHelpers,
): { objects: Record<string, Discriminator>; refsHandled: string[] } {
  const objects: Record<string, Discriminator> = {};
  const refsHandled: string[] = [];
  walk(schema, [], (obj, path) => {
    const discriminator = obj.discriminator as Discriminator | undefined;
    if (!discriminator?.propertyName) return;
    const ref = h.createRef(path);
    objects[ref] = discriminator;
    if (!obj.oneOf || !Array.isArray(obj.oneOf)) return;
    const mapping: Record<string, { inferred?: string; defined?: string[] }> = {};
    for (const item of obj.oneOf as Obj[]) {
      if ('$ref' in item) {
        const value = (item.$ref as string).split('/').pop();
        if (value) {
          const entry = mapping[item.$ref as string];
          if (!entry) mapping[item.$ref as string] = { inferred: value };
          else entry.inferred = value;
        }
      }
    }
    if (discriminator.mapping) {
      for (const mappedValue in discriminator.mapping) {
        const mappedRef = discriminator.mapping[mappedValue];
        if (!mappedRef) continue;
        if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
        mapping[mappedRef].defined?.push(mappedValue);
      }
    }
    for (const [mappedRef, { inferred, defined }] of Object.entries(mapping)) {
      if (refsHandled.includes(mappedRef)) continue;
      if (!inferred && !defined) continue;
      const mappedValues = defined ?? [inferred as string];
      if (patchDiscriminatorEnum(schema, mappedRef, mappedValues, discriminator, ref, options, h)) refsHandled.push(mappedRef);
    }
  });
  walk(schema, [], (obj, path) => {
    if (!obj || !Array.isArray(obj.allOf)) return;
    for (const item of obj.allOf as Obj[]) {
      if ('$ref' in item) {
        const target = objects[item.$ref as string];
        if (!target) return;
        const ref = h.createRef(path);
        const mappedValues: string[] = [];
        if (target.mapping) {
          for (const mappedValue in target.mapping) if (target.mapping[mappedValue] === ref) mappedValues.push(mappedValue);
          if (mappedValues.length > 0 && patchDiscriminatorEnum(schema, ref, mappedValues, target, item.$ref as string, options, h)) refsHandled.push(ref);
        }
        objects[ref] = { ...target };
      } else if ((item.discriminator as Discriminator | undefined)?.propertyName) {
        objects[h.createRef(path)] = { ...(item.discriminator as Discriminator) };
      }
    }
  });
  return { objects, refsHandled };
}

/** The original's walk (every object, depth first, before its children; arrays only descended), on one path stack. */
function walk(obj: unknown, path: Path, cb: (obj: Obj, path: Path) => void): void {
  if (!obj || typeof obj !== 'object') return;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      path.push(i);
      walk(obj[i], path, cb);
      path.pop();
    }
    return;
  }
  cb(obj as Obj, path);
  for (const k of Object.keys(obj)) {
    path.push(k);
    walk((obj as Obj)[k], path, cb);
    path.pop();
  }
}

function createDiscriminatorEnum(values: string[], prevSchema?: Obj): Obj {
  return {
    type: 'string',
    enum: values,
    description: prevSchema?.description
      ? `${String(prevSchema.description)} (enum property replaced by openapi-typescript)`
      : 'discriminator enum property added by openapi-typescript',
  };
}

function patchDiscriminatorEnum(
  schema: Obj,
  ref: string,
  values: string[],
  discriminator: Discriminator,
  discriminatorRef: string,
  options: { silent?: boolean },
  h: DiscriminatorHelpers,
): boolean {
  const resolvedSchema = h.resolveRef<Obj>(schema, ref, { silent: options.silent ?? false });
  if (resolvedSchema?.allOf) {
    (resolvedSchema.allOf as unknown[]).push({
      type: 'object',
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: createDiscriminatorEnum(values) },
    });
    return true;
  }
  if (typeof resolvedSchema === 'object' && 'type' in resolvedSchema && resolvedSchema.type === 'object') {
    if (!resolvedSchema.properties) resolvedSchema.properties = {};
    const properties = resolvedSchema.properties as Obj;
    if (!resolvedSchema.required) resolvedSchema.required = [discriminator.propertyName];
    else if (!(resolvedSchema.required as string[]).includes(discriminator.propertyName))
      (resolvedSchema.required as string[]).push(discriminator.propertyName);
    properties[discriminator.propertyName] = createDiscriminatorEnum(values, properties[discriminator.propertyName] as Obj | undefined);
    return true;
  }
  h.warn(
    `Discriminator mapping has an invalid schema (neither an object schema nor an allOf array): ${ref} => ${values.join(', ')} (Discriminator: ${discriminatorRef})`,
    options.silent,
  );
  return false;
}
