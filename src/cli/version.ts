import { readFileSync } from 'node:fs';

/** The package's version; src/cli/version.ts and dist/cli/version.js both sit two levels below the package root. */
export function packageVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
