/* api-hub generate: from src/generate/runtime/sse.ts; do not edit. */
import { HubApiError, summary } from './errors.js';
export async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      if (!next.done)
        buffer += next.value;
      else if (buffer !== '')
        buffer += '\n';
      for (let m = /\r\n?|\n/.exec(buffer); m !== null; m = /\r\n?|\n/.exec(buffer)) {
        if (m[0] === '\r' && m.index === buffer.length - 1 && !done)
          break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length > 0)
            yield data.join('\n');
          data = [];
        }
        else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
      }
    }
    if (data.length > 0)
      yield data.join('\n');
  }
  finally {
    if (!done)
      await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
export async function* jsonEvents(provider, send, terminator) {
  const { data, error, response } = await send();
  if (!response.ok)
    throw new HubApiError({ provider, response, body: error });
  if (!(data instanceof ReadableStream))
    return;
  for await (const text of sseEvents(data)) {
    if (text === terminator)
      return;
    let value;
    try {
      value = JSON.parse(text);
    }
    catch {
      throw new HubApiError({ provider, response, body: text, message: `${provider}: a streamed event is not JSON${summary(text)}` });
    }
    if (isRecord(value) && isRecord(value.error)) {
      throw new HubApiError({ provider, response, body: value, message: `${provider}: the stream reported an error${summary(value)}` });
    }
    yield value;
  }
}
export function isRecord(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
