import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { HubCatalog } from '../project/catalog/hub-data.js';
import { createServer, type HubServerOptions } from './server.js';

export interface StdioHandle {
  /** Resolves when the client goes away (stdin ends) or `close()` is called. */
  closed: Promise<void>;
  close: () => Promise<void>;
}

/**
 * `api-hub mcp`: the server on stdin/stdout. stdout carries only protocol
 * messages; every log line goes to stderr. Once the client has initialized,
 * the registry and the spec start loading in the background, so the first
 * tool call does not wait for the 5 MB parse.
 */
export async function serveStdio(options: HubServerOptions & { warm?: boolean }): Promise<StdioHandle> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => void process.stderr.write(`[api-hub mcp] ${line}\n`));
  const catalog = options.catalog ?? new HubCatalog({ root: options.root, registry: options.registry, spec: options.spec });
  const server = createServer({ ...options, catalog, log });
  const transport = new StdioServerTransport();
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing = false;
  const close = async (): Promise<void> => {
    if (closing) return closed;
    closing = true;
    process.stdin.off('end', onEnd);
    await server.close().catch(() => undefined);
    resolveClosed();
  };
  const onEnd = (): void => void close();
  transport.onclose = () => void close();
  server.server.oninitialized = () => {
    const client = server.server.getClientVersion();
    log(`client ${client ? `${client.name} ${client.version}` : '(unnamed)'} connected`);
    if (options.warm !== false) {
      const t = performance.now();
      setImmediate(() => {
        Promise.all([catalog.registry(), catalog.spec()])
          .then(([r, s]) =>
            log(`loaded ${r.models.length} models and ${s.index.operations.length} operations (${s.file}) in ${Math.round(performance.now() - t)} ms`),
          )
          .catch((err: Error) => log(`could not load the data yet: ${err.message}`));
      });
    }
  };
  await server.connect(transport);
  process.stdin.on('end', onEnd);
  log(`ready on stdio in ${Math.round(performance.now() - started)} ms (root ${options.root}${options.allowPush ? ', push enabled' : ', read-only'})`);
  return { closed, close };
}
