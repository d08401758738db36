import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  // As `prepare` does after tsc: the runtime emitted once (src/generate/runtime-files.ts).
  execFileSync(process.execPath, [join(root, 'scripts/emit-runtime.mjs')], { cwd: root, stdio: 'inherit' });
}
