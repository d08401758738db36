import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HubError } from '../core/errors.js';
import type { SiteFile } from './types.js';

/** A file in every site `api-hub docs` writes: a directory holding it may be replaced by the next build. */
export const SITE_MARKER = '.api-hub-site';

/**
 * Write the site to `outDir` in one step: everything goes to a temp directory
 * beside it, which then replaces `outDir`. A reader never sees half a site,
 * and a failed build leaves the previous one. An existing `outDir` is only
 * replaced when it is empty or a site this command wrote (it holds
 * SITE_MARKER): `--out src` cannot wipe a source tree.
 */
export async function writeSite(
  outDir: string,
  files: readonly SiteFile[],
  extra: ReadonlyArray<{ path: string; content: string | Uint8Array }> = [],
): Promise<void> {
  const existing = await stat(outDir).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory()) throw new HubError(`${outDir}: exists and is not a directory`);
    const entries = await readdir(outDir);
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
      throw new HubError(`${outDir}: not empty and not a site written by api-hub docs (no ${SITE_MARKER}); choose another --out or empty it`);
    }
  }
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const old = `${tmp}.old`;
  try {
    const dirs = new Set<string>();
    for (const f of [...files, ...extra]) dirs.add(dirname(join(tmp, f.path)));
    for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
    await writeFile(join(tmp, SITE_MARKER), 'Written by `api-hub docs`; the whole directory is replaced on the next build.\n');
    // Many small files: written a batch at a time rather than one after another.
    const all = [...files, ...extra];
    for (let i = 0; i < all.length; i += 64) await Promise.all(all.slice(i, i + 64).map((f) => writeFile(join(tmp, f.path), f.content)));
    if (existing) await rename(outDir, old);
    await rename(tmp, outDir);
    if (existing) await rm(old, { recursive: true, force: true });
  } catch (err) {
    // Put the previous site back if it was moved aside and the new one did not take its place.
    if (existing && !(await stat(outDir).catch(() => undefined))) await rename(old, outDir).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
