import type { Agent, MCPServerStdio, Model } from '@openai/agents';

export declare const HUB_ROOT: string;
export declare const INSTRUCTIONS: string;
/** The hub's MCP server as a child process (read-only: no --allow-push). */
export declare function hubMcpServer(options?: { root?: string; env?: Record<string, string> }): MCPServerStdio;
/** The agent, given a connected hub server; `model` is a model name or any Model. */
export declare function createHubAgent(server: MCPServerStdio, model?: string | Model): Agent;
/** Ask one question: start the server, run the agent, stop the server. */
export declare function ask(question: string, model?: string | Model): Promise<string>;
