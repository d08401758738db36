import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer, type HubServerOptions } from '../src/mcp/index.js';
import { projectRoot } from './helpers/cli.js';
import { join } from 'node:path';

export const fixtureProject = join(projectRoot, 'tests', 'fixtures', 'mcp', 'project');

export interface ToolAnswer {
  text: string;
  isError: boolean;
  /** The text as JSON (throws when it is not). */
  json: <T = Record<string, unknown>>() => T;
}

export interface Connected {
  client: Client;
  call: (name: string, args?: Record<string, unknown>) => Promise<ToolAnswer>;
  logs: string[];
  close: () => Promise<void>;
}

/** The real SDK client talking to `createServer()` over the in-memory transport. */
export async function connect(options: Partial<HubServerOptions> = {}): Promise<Connected> {
  const logs: string[] = [];
  const server = createServer({ root: projectRoot, env: {}, dotEnv: false, log: (l) => logs.push(l), ...options });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'api-hub-test', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> => {
    const r = await client.callTool({ name, arguments: args });
    const content = Array.isArray(r.content) ? (r.content as Array<{ type: string; text?: string }>) : [];
    const text = content.map((c) => c.text ?? '').join('\n');
    return { text, isError: r.isError === true, json: <T>() => JSON.parse(text) as T };
  };
  return {
    client,
    call,
    logs,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** Every page of a list tool, following nextOffset; checks each page against the budget. */
export async function allPages<T>(
  c: Connected,
  tool: string,
  args: Record<string, unknown>,
  key: string,
  budget = 20_000,
): Promise<{ items: T[]; pages: number; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let offset: number | null = 0;
  let pages = 0;
  while (offset !== null) {
    const r = await c.call(tool, { ...args, offset });
    if (r.isError) throw new Error(r.text);
    sizes.push(r.text.length);
    if (r.text.length > budget) throw new Error(`${tool} page of ${r.text.length} characters is over the ${budget} budget`);
    const body = r.json<Record<string, unknown>>();
    items.push(...(body[key] as T[]));
    offset = body.nextOffset as number | null;
    pages++;
    if (pages > 1000) throw new Error('no end');
  }
  return { items, pages, sizes };
}
