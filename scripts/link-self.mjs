// npm links the bins of dependencies into node_modules/.bin, but not the project's own.
// `npx api-hub …` in a clone of this repository (README, MCP client configs) needs it, so
// `prepare` (run by `npm ci` / `npm install`) links it. Never fails the install.
import { mkdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
try {
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, 'api-hub');
  rmSync(link, { force: true });
  if (process.platform === 'win32') {
    writeFileSync(`${link}.cmd`, '@node "%~dp0\\..\\..\\bin\\api-hub.js" %*\r\n');
  } else {
    symlinkSync('../../bin/api-hub.js', link);
    chmodSync(join(root, 'bin', 'api-hub.js'), 0o755);
  }
} catch (err) {
  process.stderr.write(`api-hub: could not link node_modules/.bin/api-hub (${err.message}); use \`node bin/api-hub.js\` instead of \`npx api-hub\`.\n`);
}
