import { HubApiError, summary, type CallResult, type Provider } from './errors.js';

/**
 * Server-sent events (HTML Living Standard §9.2.6): "data:" lines joined by "\n", one event
 * per blank line; comments and other fields are skipped. A last event without its blank
 * line is still delivered.
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<string, void, undefined> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data: string[] = [];
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      if (!next.done) buffer += next.value;
      else if (buffer !== '') buffer += '\n';
      for (let m = /\r\n?|\n/.exec(buffer); m !== null; m = /\r\n?|\n/.exec(buffer)) {
        if (m[0] === '\r' && m.index === buffer.length - 1 && !done) break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
      }
    }
    if (data.length > 0) yield data.join('\n');
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * A stream of JSON events, ending at the terminator (e.g. [DONE]). An event whose JSON has
 * a top-level "error" object (how OpenAI-compatible servers fail mid-stream) throws.
 * The request is sent when the iteration starts (send is a function), so a stream that is never
 * read sends nothing and leaves no unhandled rejection.
 */
export async function* jsonEvents(provider: Provider, send: () => Promise<CallResult>, terminator: string): AsyncGenerator<unknown, void, undefined> {
  const { data, error, response } = await send();
  if (!response.ok) throw new HubApiError({ provider, response, body: error });
  if (!(data instanceof ReadableStream)) return;
  for await (const text of sseEvents(data as ReadableStream<Uint8Array>)) {
    if (text === terminator) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HubApiError({ provider, response, body: text, message: `${provider}: a streamed event is not JSON${summary(text)}` });
    }
    if (isRecord(value) && isRecord(value.error)) {
      throw new HubApiError({ provider, response, body: value, message: `${provider}: the stream reported an error${summary(value)}` });
    }
    yield value;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
