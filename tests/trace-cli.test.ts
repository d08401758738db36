import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { resolvePointer } from '../src/core/pointer.js';
import { HELP_EXAMPLES } from '../src/cli/commands/trace.js';
import { runCli } from './helpers/cli.js';

// `api-hub trace` on the committed project: specs/openapi.yaml and the provider snapshot it was built from.
const root = fileURLToPath(new URL('..', import.meta.url));

describe('api-hub trace on the committed specs', () => {
  it('shows help examples that exist in the committed specs/openapi.yaml, and they work', () => {
    const help = runCli(['trace', '--help'], { cwd: root });
    const shown = [...help.stdout.matchAll(/^ {2}api-hub trace (\S+)$/gm)].map((m) => m[1]);
    expect(shown).toEqual([...HELP_EXAMPLES]);
    const doc = parse(readFileSync(new URL('../specs/openapi.yaml', import.meta.url), 'utf8')) as unknown;
    for (const p of HELP_EXAMPLES) expect(resolvePointer(doc, p), p).toBeDefined();
    const r = runCli(['trace', ...HELP_EXAMPLES], { cwd: root });
    expect(r.status).toBe(0);
  });

  it('gives file:line:col inside the provider document', () => {
    const r = runCli(['trace', '/paths/~1fal-ai~1flux~1dev/post/requestBody'], { cwd: root });
    expect(r.status).toBe(0);
    const m = /from fal fal-ai\/flux\/dev \((specs\/providers\/fal\/openapi\/fal-ai__flux__dev\.json):(\d+):(\d+)\)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    // That line of the provider document is the operation's requestBody.
    const line = readFileSync(new URL(`../${m![1]}`, import.meta.url), 'utf8').split('\n')[Number(m![2]) - 1]!;
    expect(line.slice(Number(m![3]) - 1)).toMatch(/^"requestBody"/);
  });

  it('a renamed component is found under its provider name', () => {
    const r = runCli(['trace', '--json', '/components/schemas/FalAiFfmpegApiMetadata_Audio'], { cwd: root });
    expect(r.status).toBe(0);
    const [t] = JSON.parse(r.stdout) as Array<{ targets: Array<{ file: string; pointer: string; line: number }> }>;
    expect(t!.targets[0]).toMatchObject({
      file: 'specs/providers/fal/openapi/fal-ai__ffmpeg-api__metadata.json',
      pointer: '/components/schemas/Audio',
      line: expect.any(Number),
    });
  });

  it.each([['/nope/x'], ['/components/schemas/Nope'], ['/paths/~1fal-ai~1flux~1dev/post/nope']])('%s is not in the document: exit 1, said on stderr', (ptr) => {
    const r = runCli(['trace', ptr], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${ptr}: not in the document`);
    expect(r.stdout).not.toContain('written by the hub itself');
  });
});
