import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
const { createServer } = await import(process.cwd() + '/dist/mcp/index.js');
const server = createServer({ root: process.cwd(), env: {}, dotEnv: false, log: () => {} });
const [a, b] = InMemoryTransport.createLinkedPair();
const client = new Client({ name: 'probe', version: '1' });
await Promise.all([server.connect(a), client.connect(b)]);
const calls = JSON.parse(process.argv[2]);
for (const [name, args] of calls) {
  const r = await client.callTool({ name, arguments: args });
  const text = r.content.map((c) => c.text ?? '').join('\n');
  const refs = [...text.matchAll(/"\$ref":\s*"([^"]+)"/g)].map((m) => m[1]);
  console.log(`== ${name} ${JSON.stringify(args)}: ${text.length} chars, isError=${r.isError === true}, $refs=${refs.length} ${[...new Set(refs)].slice(0, 12).join(' ')}`);
  if (process.env.SHOW) console.log(text.slice(0, Number(process.env.SHOW)));
}
await client.close(); await server.close();
