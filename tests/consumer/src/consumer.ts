/**
 * Application code as a studio developer writes it against the generated client.
 * Compiled by tests/generate-consumer.test.ts with strict tsc: it must compile, and
 * every `@ts-expect-error` below must really be an error (tsc fails on an unused one).
 */
import { createHubClient, HubApiError } from 'bananastudio-api-hub/client';
import type { ChatCompletionChunk, FalEndpointId, FalInput, FalOutput, FalQueueStatus, HubClient, MidjourneyTask } from 'bananastudio-api-hub/client';

const hub: HubClient = createHubClient({
  comet: { apiKey: 'comet-key' },
  fal: { apiKey: 'fal-key', baseUrl: 'http://127.0.0.1:8080', retry: { retries: 5, baseDelay: 200 } },
  fetch: (request) => globalThis.fetch(request),
  retry: false,
});

// ------------------------------------------------------------------ FAL

export async function generateImage(prompt: string): Promise<string | undefined> {
  const submitted = await hub.fal.submit('fal-ai/flux/dev', { prompt, image_size: 'square_hd', num_images: 1, seed: null });
  if (submitted.error !== undefined) throw new Error(`submit failed: ${JSON.stringify(submitted.error)}`);
  const queued = submitted.data;
  const state: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' = queued.status;
  const statusUrl: string | undefined = queued.status_url;
  void state;
  void statusUrl;

  const status = await hub.fal.status('fal-ai/flux/dev', queued, { logs: true });
  if (status.data?.status !== 'COMPLETED') return undefined;

  const { data, error } = await hub.fal.result('fal-ai/flux/dev', queued);
  if (error) return undefined;
  const first = data.images[0];
  const seed: number | undefined = data.seed;
  void seed;
  return first?.url;
}

export async function animate(imageUrl: string): Promise<string | undefined> {
  const submitted = await hub.fal.submit('fal-ai/minimax/video-01/image-to-video', { prompt: 'the banana dances', image_url: imageUrl });
  if (!submitted.data) return undefined;
  const result = await hub.fal.result('fal-ai/minimax/video-01/image-to-video', submitted.data.request_id);
  return result.data?.video.url;
}

// One call for a queued job: submit, poll with backoff, typed output.
export async function generateImageOneCall(prompt: string, signal: AbortSignal): Promise<string | undefined> {
  const seen: Array<FalQueueStatus<'fal-ai/flux/dev'>['status']> = [];
  const output = await hub.fal.subscribe(
    'fal-ai/flux/dev',
    { prompt, num_images: 1 },
    {
      signal,
      pollInterval: 250,
      maxPollInterval: 2000,
      logs: true,
      onQueueUpdate: (status) => {
        seen.push(status.status);
        const position: number | undefined = status.queue_position;
        void position;
      },
    },
  );
  const seed: number = output.seed;
  void seed;
  return output.images[0]?.url;
}

export async function animateOrExplain(imageUrl: string): Promise<string> {
  try {
    const { video } = await hub.fal.subscribe(
      'fal-ai/minimax/video-01/image-to-video',
      { prompt: 'dance', image_url: imageUrl },
      { signal: AbortSignal.timeout(600_000) },
    );
    return video.url;
  } catch (err) {
    if (err instanceof HubApiError) {
      const status: number = err.status;
      const provider: 'fal' | 'comet' = err.provider;
      const body: unknown = err.body;
      void body;
      return `${provider} ${status}`;
    }
    throw err;
  }
}

export async function cancelIt(requestId: string): Promise<boolean> {
  const { data } = await hub.fal.cancel('fal-ai/flux/dev', requestId);
  return data?.success === true;
}

// The map types, for code that is generic over models.
export type FluxInput = FalInput<'fal-ai/flux/dev'>;
export type FluxOutput = FalOutput<'fal-ai/flux/dev'>;
export const fluxId: FalEndpointId = 'fal-ai/flux/dev';
export const fluxInput: FluxInput = { prompt: 'a studio banana', acceleration: 'high', output_format: 'png' };

export async function mistakes(): Promise<void> {
  // @ts-expect-error: `promt` is not an input field of fal-ai/flux/dev.
  await hub.fal.submit('fal-ai/flux/dev', { prompt: 'x', promt: 'typo' });
  // @ts-expect-error: `num_images` is an integer, not a string.
  await hub.fal.submit('fal-ai/flux/dev', { prompt: 'x', num_images: 'four' });
  // @ts-expect-error: `prompt` is required.
  await hub.fal.submit('fal-ai/flux/dev', { num_images: 2 });
  // @ts-expect-error: `output_format` is an enum.
  await hub.fal.submit('fal-ai/flux/dev', { prompt: 'x', output_format: 'gif' });
  // @ts-expect-error: there is no endpoint fal-ai/flux/pro in the document.
  await hub.fal.submit('fal-ai/flux/pro', { prompt: 'x' });
  // @ts-expect-error: the endpoint id is not a free string.
  await hub.fal.result('fal-ai/flux', 'request-id');
  // @ts-expect-error: image-to-video needs `image_url`.
  await hub.fal.submit('fal-ai/minimax/video-01/image-to-video', { prompt: 'x' });

  const flux = await hub.fal.result('fal-ai/flux/dev', 'request-id');
  if (flux.data) {
    // @ts-expect-error: flux/dev's output has `images`, not `video`.
    void flux.data.video;
    // @ts-expect-error: `images[0]` may be undefined (noUncheckedIndexedAccess).
    void flux.data.images[0].url;
  }
  // @ts-expect-error: `data` is undefined until the error is ruled out.
  void flux.data.images;

  const video = await hub.fal.result('fal-ai/minimax/video-01/image-to-video', 'request-id');
  // @ts-expect-error: the video output has no `images`.
  void video.data?.images;

  // @ts-expect-error: subscribe checks the input too: `promt` is not a field.
  await hub.fal.subscribe('fal-ai/flux/dev', { prompt: 'x', promt: 'typo' });
  // @ts-expect-error: subscribe only takes endpoint ids of the document.
  await hub.fal.subscribe('fal-ai/flux/no-such-variant', { prompt: 'x' });
  const out = await hub.fal.subscribe('fal-ai/flux/dev', { prompt: 'x' });
  // @ts-expect-error: subscribe returns flux/dev's output, which has no `video`.
  void out.video;
  // @ts-expect-error: the output is returned directly, not wrapped in `{ data }`.
  void out.data;
  // @ts-expect-error: onQueueUpdate gets a queue status, which has no `images`.
  await hub.fal.subscribe('fal-ai/flux/dev', { prompt: 'x' }, { onQueueUpdate: (s) => void s.images });
  // @ts-expect-error: pollInterval is a number of milliseconds.
  await hub.fal.subscribe('fal-ai/flux/dev', { prompt: 'x' }, { pollInterval: '1s' });
}

// @ts-expect-error: FalOutput only takes endpoint ids of the document.
export type NoSuchModel = FalOutput<'fal-ai/no-such-model'>;

// ------------------------------------------------------------------ Comet

export async function chat(question: string): Promise<string | null | undefined> {
  const { data, error } = await hub.comet.chat.completions({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  if (error) {
    const message: string = error.error.message;
    throw new Error(message);
  }
  const content = data.choices[0]?.message.content;
  // Content is text, or (where the document has content parts) a list of parts.
  return typeof content === 'string' || content === null ? content : undefined;
}

export async function chatRaw(): Promise<number | undefined> {
  const { data } = await hub.comet.POST('/v1/chat/completions', {
    body: { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'be brief' }], stream: false, temperature: 0.2 },
  });
  return data?.usage?.total_tokens;
}

export async function chatStream(): Promise<ReadableStream<Uint8Array> | null | undefined> {
  // The 200 response also has text/event-stream content; the JSON client types `data` as JSON unless parseAs says otherwise.
  const { data } = await hub.comet.POST('/v1/chat/completions', { body: { model: 'm', messages: [], stream: true }, parseAs: 'stream' });
  return data;
}

// Streaming: typed chunks parsed from the server-sent events.
export async function chatStreamed(question: string, signal: AbortSignal): Promise<string> {
  let text = '';
  for await (const chunk of hub.comet.chat.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] }, { signal })) {
    const typed: ChatCompletionChunk = chunk;
    const delta: string | null | undefined = typed.choices[0]?.delta.content;
    const done: string | null | undefined = chunk.choices[0]?.finish_reason;
    void done;
    text += delta ?? '';
  }
  return text;
}

export async function imagesAndEmbeddings(): Promise<[string | undefined, number | undefined]> {
  const image = await hub.comet.images.generate({ model: 'dall-e-3', prompt: 'a banana', n: 1, response_format: 'url' });
  const emb = await hub.comet.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
  const vector = emb.data?.data[0]?.embedding;
  return [image.data?.data?.[0]?.url, Array.isArray(vector) ? vector[0] : undefined];
}

export async function midjourney(prompt: string): Promise<string | undefined> {
  const { data } = await hub.comet.midjourney.imagine({ prompt, botType: 'MID_JOURNEY' });
  if (data?.code !== 1 || data.result === undefined) return undefined;
  // Comet documents `result` as a string and as an integer: an opaque id either way.
  const task = await hub.comet.midjourney.waitForTask(String(data.result), {
    pollInterval: 3000,
    signal: AbortSignal.timeout(300_000),
    onTaskUpdate: (t: MidjourneyTask) => void t.progress,
  });
  if (task.status === 'FAILURE') throw new Error(task.failReason ?? 'failed');
  const final: 'SUCCESS' = task.status;
  void final;
  return task.imageUrl ?? undefined;
}

export async function chatMistakes(): Promise<void> {
  // @ts-expect-error: `model` is required.
  await hub.comet.chat.completions({ messages: [{ role: 'user', content: 'hi' }] });
  // @ts-expect-error: `robot` is not a chat role.
  await hub.comet.chat.completions({ model: 'm', messages: [{ role: 'robot', content: 'hi' }] });
  // @ts-expect-error: `stream` is a boolean.
  await hub.comet.chat.completions({ model: 'm', messages: [], stream: 'yes' });
  // @ts-expect-error: a FAL path is not a Comet path.
  await hub.comet.POST('/fal-ai/flux/dev', { body: { prompt: 'x' } });
  // @ts-expect-error: there is no /v1/chat/completion (singular).
  await hub.comet.POST('/v1/chat/completion', { body: { model: 'm', messages: [] } });

  const { data } = await hub.comet.chat.completions({ model: 'm', messages: [] });
  // @ts-expect-error: a chat completion has no `text` on its choices.
  void data?.choices[0]?.text;

  for await (const chunk of hub.comet.chat.stream({ model: 'm', messages: [] })) {
    // @ts-expect-error: a chunk's choices carry `delta`, not `message`.
    void chunk.choices[0]?.message;
    // @ts-expect-error: a chunk has no `text` field.
    void chunk.choices[0]?.delta.text;
    // @ts-expect-error: `finish_reason` is on the chunk's choices, not on the chunk.
    void chunk.finish_reason;
  }
  // @ts-expect-error: stream() is always streamed.
  hub.comet.chat.stream({ model: 'm', messages: [], stream: false });
  // @ts-expect-error: `prompt` is required for images.
  await hub.comet.images.generate({ model: 'dall-e-3' });
  // @ts-expect-error: embeddings take `input`, not `text`.
  await hub.comet.embeddings.create({ model: 'e', text: 'hi' });
  // @ts-expect-error: `botType` is an enum.
  await hub.comet.midjourney.imagine({ prompt: 'x', botType: 'DALL_E' });
  const task = await hub.comet.midjourney.waitForTask('task-id');
  // @ts-expect-error: waitForTask only returns finished tasks.
  if (task.status === 'IN_PROGRESS') return;
  // @ts-expect-error: a task has no `upscaledUrl`.
  void task.upscaledUrl;
}
