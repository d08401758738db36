import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanText } from './scan-text.js';
import { isDotEnvPath, looksRandom } from './patterns.js';
import { maskedExcerpt } from './mask.js';

// Canaries are made at run time, so no key-shaped literal sits in this file.
const hex = (n: number): string => randomBytes(n).toString('hex');
const alnum = (n: number): string =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n)
    .padEnd(n, 'Q7');
const FAL = `${randomUUID()}:${hex(16)}`;
const OPENAI_PROJ = `sk-proj-${alnum(48)}`;
const OPENAI_LEGACY = `sk-${alnum(20)}T3BlbkFJ${alnum(20)}`;
const COMET = `sk-${alnum(48)}`;
const APIDOG = `APS-${alnum(32)}`;
const GENERIC = `${alnum(18)}9${alnum(13)}`;
const GITHUB = `ghp_${alnum(36)}`;

const found: Array<[string, string, string, string]> = [
  ['a FAL key in .env syntax', 'config.txt', `FAL_KEY=${FAL}\n`, FAL],
  ['a FAL key in an x- field of an OpenAPI document', 'specs/openapi.yaml', `openapi: 3.1.0\ninfo:\n  title: t\n  x-fal-key: '${FAL}'\n`, FAL],
  ['a FAL key in a URL-free sentence', 'README.md', `use ${FAL} here\n`, FAL],
  ['an sk-proj- key', 'src/a.ts', `const k = "${OPENAI_PROJ}";\n`, OPENAI_PROJ],
  ['a legacy OpenAI key', 'src/a.py', `openai.api_key = '${OPENAI_LEGACY}'\n`, OPENAI_LEGACY],
  ['a Comet key', 'src/a.ts', `const comet = '${COMET}';\n`, COMET],
  ['an Apidog token', 'notes.md', `token ${APIDOG}\n`, APIDOG],
  ['a token in an Authorization header', 'a.sh', `curl -H "Authorization: Bearer ${GENERIC}" x\n`, GENERIC],
  ['a random value beside api_key', 'a.yaml', `api_key: ${GENERIC}\n`, GENERIC],
  ['a random value beside x-api-key', 'a.json', `{"x-api-key": "${GENERIC}"}\n`, GENERIC],
  ['a random value beside APIDOG_ACCESS_TOKEN', '.env.example', `APIDOG_ACCESS_TOKEN=${GENERIC}\n`, GENERIC],
  ['a GitHub token (secretlint)', 'a.ini', `gh = ${GITHUB}\n`, GITHUB],
];

describe('scanText', () => {
  it.each(found)('finds %s, with file:line and a masked excerpt only', async (_name, path, text, secret) => {
    const findings = await scanText(path, `# first line\n${text}`);
    expect(findings.length).toBeGreaterThan(0);
    const f = findings[0];
    expect(f?.file).toBe(path);
    expect(f?.line).toBe(2 + text.split('\n').findIndex((l) => l.includes(secret)));
    expect(f?.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(findings)).not.toContain(secret);
    expect(JSON.stringify(findings)).not.toContain(secret.slice(4, 16));
  });

  const clean: Array<[string, string, string]> = [
    ['a placeholder in .env.example', '.env.example', 'FAL_KEY=\nCOMET_API_KEY=your-comet-key\nAPIDOG_ACCESS_TOKEN=<token>\n'],
    ['an env lookup', 'src/a.ts', 'const apiKey = process.env.FAL_API_KEY_FOR_TESTS_ONLY;\n'],
    ['a word-like value', 'a.yaml', 'token: authorization_header_value_name\n'],
    ['a schema property named key', 'a.yaml', 'key:\n  type: string\n  description: the API key\n'],
    ['a redacted value', 'a.log', 'Authorization: Key [redacted]\n'],
    ['a hash without a key-like name', 'a.json', `{"sha": "${hex(20)}"}\n`],
    ['a UUID alone', 'a.json', `{"request_id": "${randomUUID()}"}\n`],
    ['a repeated-character dummy', 'a.env.txt', 'API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'],
  ];
  it.each(clean)('leaves %s alone', async (_name, path, text) => {
    expect(await scanText(path, text)).toEqual([]);
  });

  it('reports a .env file whatever it holds, without its content', async () => {
    const f = await scanText('config/.env.local', 'HELLO=world\n');
    expect(f.map((x) => x.rule)).toEqual(['dotenv-file']);
    expect(f[0]?.excerpt).toBe('(content not shown)');
  });

  it('skips binary content but still reports a .env path', async () => {
    expect(await scanText('a.bin', `\0\0${FAL}`)).toEqual([]);
  });

  it('reports one finding for a key two patterns see, and columns are 1-based', async () => {
    const f = await scanText('a.ts', `x = "${OPENAI_LEGACY}"`);
    expect(f).toHaveLength(1);
    expect(f[0]?.column).toBe(6);
  });

  it('masks every secret of a line in the excerpt', async () => {
    const f = await scanText('a.txt', `${FAL} and ${COMET}`);
    expect(f).toHaveLength(2);
    expect(f[0]?.excerpt).toBe(`${FAL.slice(0, 4)}…(${FAL.length}) and sk-${COMET.slice(3, 4)}…(${COMET.length})`);
  });
});

describe('isDotEnvPath', () => {
  it.each([
    ['.env', true],
    ['.env.local', true],
    ['a/b/.env.production', true],
    ['.env.development', true],
    ['.env.example', false],
    ['docs/.env.example', false],
    ['env.ts', false],
    ['.envrc', false],
  ] as const)('%s → %s', (p, want) => expect(isDotEnvPath(p)).toBe(want));
});

describe('looksRandom', () => {
  it.each([
    ['Zp4q8Rt2Xw9Lm3Nb7Vc1Hs6Kd', true],
    ['your-api-key-goes-here-123', false],
    ['short1A', false],
    ['abcdefghijklmnopqrstuvwxyz', false],
    ['${FAL_KEY_FROM_THE_ENVIRONMENT_1}', false],
  ] as const)('%s → %s', (v, want) => expect(looksRandom(v)).toBe(want));
});

describe('maskedExcerpt', () => {
  it('cuts a long line around the first secret', () => {
    const line = `${'a'.repeat(300)} SECRETVALUE ${'b'.repeat(300)}`;
    const out = maskedExcerpt(line, [[301, 312]]);
    expect(out).toContain('SECR…(11)');
    expect(out).not.toContain('SECRETVALUE');
    expect(out.length).toBeLessThan(130);
    expect(out.startsWith('…')).toBe(true);
  });
});
