// @ts-check
/**
 * An OpenAI Agents SDK agent that answers questions about the studio's AI
 * models through the hub's MCP server (`api-hub mcp`, spawned over stdio).
 *
 *   OPENAI_API_KEY=sk-... node examples/openai-agent/hub-agent.mjs "Which FAL models do image-to-video, and what do they cost?"
 *
 * OPENAI_MODEL picks the model (default gpt-4.1-mini). Without OPENAI_API_KEY
 * the script says so and exits 2; tests/mcp-agent.test.ts runs the same wiring
 * with a scripted model instead, without the network. Plain JavaScript (types
 * in hub-agent.d.mts), so it runs on Node 20 without a build step.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, MCPServerStdio, run } from '@openai/agents';

/** The repository root: examples/openai-agent/ is two levels down. */
export const HUB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const INSTRUCTIONS = [
  'You answer questions about the AI models BananaStudio builds on (FAL and Comet API), using the api-hub tools.',
  'Find models with search_models (filter by provider and category, e.g. provider "fal", category "image-to-video"); follow "nextOffset" to page.',
  "Describe a model's input and output with get_model; price work with estimate_cost.",
  'Quote model ids exactly. When the registry has no price for a model, say so instead of guessing.',
].join(' ');

/**
 * The hub's MCP server as a child process (read-only: no --allow-push).
 * @param {{ root?: string, env?: Record<string, string> }} [options]
 */
export function hubMcpServer(options = {}) {
  const root = options.root ?? HUB_ROOT;
  return new MCPServerStdio({
    name: 'api-hub',
    command: process.execPath,
    args: [join(root, 'bin', 'api-hub.js'), 'mcp'],
    cwd: root,
    ...(options.env ? { env: options.env } : {}),
    cacheToolsList: true,
  });
}

/**
 * The agent, given a connected hub server.
 * @param {MCPServerStdio} server
 * @param {string | import('@openai/agents').Model} [model] a model name, or any Model (tests pass a scripted one)
 */
export function createHubAgent(server, model = process.env.OPENAI_MODEL ?? 'gpt-4.1-mini') {
  return new Agent({ name: 'API Hub assistant', instructions: INSTRUCTIONS, mcpServers: [server], model });
}

/**
 * Ask one question: start the server, run the agent, stop the server.
 * @param {string} question
 * @param {string | import('@openai/agents').Model} [model]
 * @returns {Promise<string>}
 */
export async function ask(question, model) {
  const server = hubMcpServer();
  await server.connect();
  try {
    const result = await run(createHubAgent(server, model), question, { maxTurns: 8 });
    return String(result.finalOutput ?? '');
  } finally {
    await server.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const question = process.argv.slice(2).join(' ') || 'Which FAL models do image-to-video, and what do they cost?';
  if (!process.env.OPENAI_API_KEY) {
    process.stderr.write('Set OPENAI_API_KEY to run this example (the agent calls the OpenAI API; the hub server itself runs offline).\n');
    process.exitCode = 2;
  } else {
    process.stdout.write((await ask(question)) + '\n');
  }
}
