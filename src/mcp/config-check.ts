import { isObject } from '../core/json.js';
import { patternHits } from '../scan/pattern-hits.js';

/** The MCP client configs the repository commits: generic (Claude), Cursor, VS Code. */
export const MCP_CONFIG_FILES = ['mcp.json', '.cursor/mcp.json', '.vscode/mcp.json'] as const;

export interface McpServerEntry {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** The servers of a config: `mcpServers` (Claude, Cursor) or `servers` (VS Code). */
export function mcpServers(data: unknown): McpServerEntry[] {
  const map = isObject(data) ? (isObject(data.mcpServers) ? data.mcpServers : isObject(data.servers) ? data.servers : undefined) : undefined;
  if (!map) return [];
  return Object.entries(map).flatMap(([name, v]) => {
    if (!isObject(v) || typeof v.command !== 'string') return [];
    const args = Array.isArray(v.args) ? v.args.filter((a): a is string => typeof a === 'string') : [];
    const env: Record<string, string> = {};
    if (isObject(v.env)) for (const [k, e] of Object.entries(v.env)) if (typeof e === 'string') env[k] = e;
    return [{ name, command: v.command, args, env }];
  });
}

/** A reference to a variable or a prompt: `${VAR}`, `${env:VAR}`, `${input:id}`. */
const REFERENCE = /^\$\{[A-Za-z_:.-][A-Za-z0-9_:.-]*\}$/;

/**
 * What is wrong with an MCP client config, one line each; empty when it is
 * sound: the hub's server is there, read-only (no --allow-push); every npx
 * package is pinned to an exact version; no key is written into it (env values
 * are references such as ${APIDOG_ACCESS_TOKEN}).
 */
export function checkMcpConfig(data: unknown, text: string): string[] {
  const problems: string[] = [];
  const servers = mcpServers(data);
  if (servers.length === 0) return ['no servers (expected "mcpServers" or, for VS Code, "servers")'];
  const hub = servers.find((s) => s.args.some((a) => /api-hub(\.js)?$/.test(a)) || s.command === 'api-hub');
  if (!hub) problems.push('the api-hub server is missing');
  else if (!hub.args.includes('mcp')) problems.push(`${hub.name}: the arguments do not run "mcp"`);
  for (const s of servers) {
    if (s.args.includes('--allow-push'))
      problems.push(`${s.name}: --allow-push makes the server able to change the Apidog project; the committed config stays read-only`);
    if (s.command === 'npx' || s.command.endsWith('/npx')) {
      const pkg = s.args.find((a) => !a.startsWith('-'));
      if (!pkg) problems.push(`${s.name}: npx without a package`);
      else if (!/^(@[^/@]+\/)?[^@/]+@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(pkg))
        problems.push(`${s.name}: ${pkg} is not pinned to an exact version (write name@x.y.z)`);
    }
    for (const [k, v] of Object.entries(s.env))
      if (!REFERENCE.test(v))
        problems.push(`${s.name}: env ${k} holds a literal value; refer to a variable or a prompt instead (\${${k}}, \${env:${k}} or \${input:…})`);
  }
  if (patternHits(text).length > 0) problems.push('holds something that looks like a key');
  return problems;
}
