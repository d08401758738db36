/**
 * File names for model pages. `fal-ai/flux/dev` becomes `fal-ai~flux~dev`:
 * letters, digits, `.` and `-` stay, `/` becomes `~`, anything else `_XX`
 * (UTF-8 bytes in hex). Injective, so two ids never share a file; ids that
 * differ only in case (which a case-insensitive file system would merge) get
 * `-2`, `-3`… in the order given.
 */
export function slugOf(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/[A-Za-z0-9-]/.test(ch) || (ch === '.' && out !== '')) out += ch;
    else if (ch === '/') out += '~';
    else for (const b of Buffer.from(ch, 'utf8')) out += `_${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out === '' ? '_' : out;
}

/** A unique, case-insensitively unique slug per key (`provider:id`), in the order of `keys`. */
export function assignSlugs(items: ReadonlyArray<{ key: string; id: string }>): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const { key, id } of items) {
    const base = slugOf(id);
    let slug = base;
    for (let i = 2; taken.has(slug.toLowerCase()); i++) slug = `${base}-${i}`;
    taken.add(slug.toLowerCase());
    out.set(key, slug);
  }
  return out;
}
