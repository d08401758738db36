import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, setTracingDisabled, Usage, type Model, type ModelRequest, type ModelResponse } from '@openai/agents';
import { createHubAgent, hubMcpServer } from '../examples/openai-agent/hub-agent.mjs';

/**
 * The agent example's wiring, without the network: a scripted model (the SDK's
 * Model interface) asks the real hub server, spawned over stdio, for FAL
 * image-to-video models, and answers from what the tool returned.
 */
class ScriptedModel implements Model {
  readonly requests: ModelRequest[] = [];

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(request);
    const usage = new Usage({ requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    if (this.requests.length === 1) {
      return {
        usage,
        output: [
          {
            type: 'function_call',
            callId: 'call_1',
            name: 'search_models',
            status: 'completed',
            arguments: JSON.stringify({ provider: 'fal', category: 'image-to-video', limit: 3 }),
          },
        ],
      };
    }
    const input = Array.isArray(request.input) ? request.input : [];
    const result = input.find((i) => i.type === 'function_call_result');
    const text = result && 'output' in result ? textOf(result.output) : '';
    const parsed = JSON.parse(text) as { total: number; models: Array<{ id: string; price: string | null }> };
    const answer = `${parsed.total} FAL image-to-video models, e.g. ${parsed.models.map((m) => `${m.id} (${m.price ?? 'price not known'})`).join(', ')}`;
    return { usage, output: [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: answer }] }] };
  }

  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error('not used');
  }
}

/** A tool output as the SDK hands it back: a string, a text item, or a list of them. */
function textOf(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map(textOf).join('');
  if (output && typeof output === 'object' && 'text' in output) return String(output.text);
  return '';
}

describe('examples/openai-agent: agent + hub MCP server (scripted model, no network)', () => {
  const server = hubMcpServer();
  beforeAll(async () => {
    setTracingDisabled(true);
    await server.connect();
  });
  afterAll(async () => {
    await server.close();
  });

  it('the agent sees the hub tools, calls search_models, and answers from its result', async () => {
    const model = new ScriptedModel();
    const result = await run(createHubAgent(server, model), 'Which FAL models do image-to-video, and what do they cost?', { maxTurns: 4 });
    const first = model.requests[0];
    expect(first?.systemInstructions).toContain('search_models');
    const names = (first?.tools ?? []).map((t) => ('name' in t ? t.name : ''));
    expect(names).toEqual(expect.arrayContaining(['search_models', 'get_model', 'search_operations', 'get_operation', 'validate_spec', 'estimate_cost']));
    expect(names).not.toContain('push_to_apidog');
    expect(model.requests).toHaveLength(2);
    expect(String(result.finalOutput)).toMatch(/^152 FAL image-to-video models, e\.g\. \S+ \(/);
  });
});
