import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMcpConfig, mcpServers, MCP_CONFIG_FILES } from './config-check.js';

const root = join(import.meta.dirname, '..', '..');

describe('the committed MCP configs', () => {
  it.each(MCP_CONFIG_FILES)('%s is sound: api-hub read-only, every package pinned, no key in it', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(checkMcpConfig(JSON.parse(text), text)).toEqual([]);
  });

  it('all three offer the same servers with the same pinned versions, and the README snippet pins the same apidog-mcp-server', () => {
    const pinned = (file: string) => mcpServers(JSON.parse(readFileSync(join(root, file), 'utf8'))).map((s) => [s.name, s.args.filter((a) => /@\d/.test(a))]);
    const first = pinned(MCP_CONFIG_FILES[0]);
    for (const f of MCP_CONFIG_FILES) expect(pinned(f)).toEqual(first);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const version = /apidog-mcp-server@(\d+\.\d+\.\d+)/.exec(JSON.stringify(first))?.[1];
    expect(version).toBeDefined();
    expect(readme).not.toMatch(/apidog-mcp-server@latest/);
    expect(readme).toContain(`apidog-mcp-server@${version}`);
  });
});

describe('checkMcpConfig', () => {
  const config = (servers: Record<string, unknown>) => ({ mcpServers: servers });
  const hub = { command: 'node', args: ['bin/api-hub.js', 'mcp'] };
  it.each([
    ['push enabled', config({ hub: { ...hub, args: [...hub.args, '--allow-push'] } }), /--allow-push/],
    ['an unpinned package', config({ hub, a: { command: 'npx', args: ['-y', 'apidog-mcp-server@latest'] } }), /not pinned/],
    ['a package without a version', config({ hub, a: { command: 'npx', args: ['-y', 'apidog-mcp-server'] } }), /not pinned/],
    ['a literal token', config({ hub, a: { command: 'npx', args: ['-y', 'x@1.0.0'], env: { APIDOG_ACCESS_TOKEN: 'abc' } } }), /literal value/],
    ['no hub', config({ a: { command: 'npx', args: ['-y', 'x@1.0.0'] } }), /api-hub server is missing/],
    ['nothing', {}, /no servers/],
  ] as const)('flags %s', (_n, data, why) => {
    expect(checkMcpConfig(data, JSON.stringify(data)).join('\n')).toMatch(why);
  });
});
