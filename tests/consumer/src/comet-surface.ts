/**
 * Comet's whole surface through the generated client (issue 18): content parts, tools and
 * response_format, streaming, and every task family through the one generic poller driven by
 * the document's x-hub-poll links. Compiled with consumer.ts against the golden output of the
 * fixture (tests/consumer/tsconfig.json); every `@ts-expect-error` must be a real error.
 */
import { createHubClient, HubTaskError } from 'bananastudio-api-hub/client';
import type { CometTaskMap, HubClient } from 'bananastudio-api-hub/client';

const hub: HubClient = createHubClient({ comet: { apiKey: 'comet-key' }, fal: { apiKey: 'fal-key' } });

// ------------------------------------------------------------------ Comet: the whole surface (issue 18)

// A chat request with text + image_url parts, tools and response_format; reading tool_calls.
export async function chatWithToolsAndImage(imageUrl: string): Promise<string | undefined> {
  const { data, error } = await hub.comet.chat.completions({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer in JSON.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: imageUrl, detail: 'low' } },
        ],
      },
    ],
    tools: [
      {
        type: 'function',
        function: { name: 'lookup', description: 'Look a fruit up', parameters: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    ],
    tool_choice: 'auto',
    response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
  });
  if (error) throw new Error(error.error.message);
  const call = data.choices[0]?.message.tool_calls?.[0];
  // OpenAI's schema also has `custom` tool calls: narrow on `type`.
  const args: string | undefined = call?.type === 'function' ? call.function.arguments : undefined;
  return args;
}

export async function chatWithToolsMistakes(): Promise<void> {
  // @ts-expect-error: a content part is text or image_url, not `audio`.
  await hub.comet.chat.completions({ model: 'm', messages: [{ role: 'user', content: [{ type: 'audio', audio: 'x' }] }] });
  // @ts-expect-error: an image_url part takes an object with `url`, not a string.
  await hub.comet.chat.completions({ model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: 'https://x' }] }] });
  // @ts-expect-error: response_format `yaml` does not exist.
  await hub.comet.chat.completions({ model: 'm', messages: [], response_format: { type: 'yaml' } });
  // @ts-expect-error: a tool needs a `function`.
  await hub.comet.chat.completions({ model: 'm', messages: [], tools: [{ type: 'function' }] });
  const { data } = await hub.comet.chat.completions({ model: 'm', messages: [] });
  // @ts-expect-error: a tool call carries `function.arguments`, not `args`.
  void data?.choices[0]?.message.tool_calls?.[0]?.function.args;
}

// A streamed chat with content parts.
export async function chatStreamWithParts(signal: AbortSignal): Promise<string> {
  let text = '';
  for await (const chunk of hub.comet.chat.stream(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
    { signal },
  )) {
    text += chunk.choices[0]?.delta.content ?? '';
  }
  // @ts-expect-error: a streamed chat takes the same body: `messages` is required.
  hub.comet.chat.stream({ model: 'm' });
  return text;
}

// /v1/videos: create (multipart), then wait with the generic poller.
export async function makeVideo(signal: AbortSignal): Promise<string | undefined> {
  const created = await hub.comet.videos.create({ model: 'sora-2', prompt: 'a banana surfing', seconds: '8' });
  if (created.error !== undefined || created.data === undefined) return undefined;
  const id: string = created.data.id;
  void id;
  const done = await hub.comet.tasks.wait('cometCreateVideo', created.data, {
    signal,
    onTaskUpdate: (v) => void v.progress,
  });
  const status: string = done.status;
  void status;
  const url: string | undefined = done.result;
  const again = await hub.comet.videos.createAndWait({ model: 'veo3-fast', prompt: 'a banana' }, { pollInterval: 15_000 });
  void again.task.video_url;
  return url;
}

export async function videoMistakes(): Promise<void> {
  // @ts-expect-error: `prompt` is required.
  await hub.comet.videos.create({ model: 'sora-2' });
  // @ts-expect-error: `duration` is not a /v1/videos field (it is `seconds`).
  await hub.comet.videos.createAndWait({ model: 'sora-2', prompt: 'x', duration: 8 });
  // @ts-expect-error: no such task operation.
  await hub.comet.tasks.wait('cometCreateMovie', { id: 'x', status: 'queued' });
  const done = await hub.comet.tasks.run('cometCreateVideo', { model: 'sora-2', prompt: 'x' });
  // @ts-expect-error: a video job has no `videoUrl` (it is `video_url`).
  void done.task.videoUrl;
}

// Midjourney: imagine and wait (the same generic poller, typed by the document).
export async function imagineAndWait(prompt: string): Promise<string | undefined> {
  try {
    const done = await hub.comet.midjourney.imagineAndWait({ prompt, botType: 'NIJI_JOURNEY' }, { signal: AbortSignal.timeout(600_000) });
    const image = done.result ?? undefined;
    const progress: string | undefined = done.task.progress;
    void progress;
    return image;
  } catch (err) {
    if (err instanceof HubTaskError) return `failed: ${err.taskStatus}`;
    throw err;
  }
}

export async function midjourneyWaitMistakes(): Promise<void> {
  // @ts-expect-error: imagine takes `prompt`, not `text`.
  await hub.comet.midjourney.imagineAndWait({ text: 'x' });
  const done = await hub.comet.midjourney.imagineAndWait({ prompt: 'x' });
  // @ts-expect-error: the result is the image URL (a string), not an object.
  void done.result?.url;
}

// Gemini native generateContent (the model is a path parameter).
export async function gemini(question: string): Promise<string | undefined> {
  const { data } = await hub.comet.gemini.generateContent('gemini-3-flash-preview', {
    contents: [{ role: 'user', parts: [{ text: question }, { inlineData: { mimeType: 'image/png', data: 'iVBOR' } }] }],
    generationConfig: { thinkingConfig: { thinkingLevel: 'LOW' } },
  });
  return data?.candidates?.[0]?.content?.parts?.[0]?.text;
}

export async function geminiMistakes(): Promise<void> {
  // @ts-expect-error: Gemini takes `contents`, not OpenAI `messages`.
  await hub.comet.gemini.generateContent('gemini-3-flash-preview', { messages: [{ role: 'user', content: 'hi' }] });
  // @ts-expect-error: thinkingLevel is MINIMAL|LOW|MEDIUM|HIGH.
  await hub.comet.gemini.generateContent('g', { contents: [], generationConfig: { thinkingConfig: { thinkingLevel: 'MAX' } } });
}

// Responses, Anthropic messages, Suno, Kling, Runway.
export async function otherShortcuts(): Promise<unknown[]> {
  const r = await hub.comet.responses.create({ model: 'gpt-5', input: 'hi', instructions: 'be brief' });
  const m = await hub.comet.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] });
  const song = await hub.comet.suno.musicAndWait({ prompt: '', tags: 'lofi', make_instrumental: true });
  const kling = await hub.comet.kling.text2videoAndWait({ prompt: 'a banana', mode: 'pro', duration: '5' });
  const runway = await hub.comet.runway.imageToVideoAndWait({ promptImage: 'https://x/y.png', duration: 5 });
  // A poll link's `result` is typed by the document's schema at that pointer (unknown where it has none).
  const url: unknown = kling.result;
  const audio: unknown = song.result;
  const video: unknown = runway.result;
  return [r.data?.output_text, m.data?.content?.[0], url, audio, video];
}

export async function otherShortcutMistakes(): Promise<void> {
  // @ts-expect-error: Anthropic messages need `max_tokens`.
  await hub.comet.messages.create({ model: 'claude', messages: [{ role: 'user', content: 'hi' }] });
  // @ts-expect-error: Kling mode is std|pro.
  await hub.comet.kling.text2videoAndWait({ prompt: 'x', mode: 'turbo' });
  // @ts-expect-error: Runway durations are 5 or 10.
  await hub.comet.runway.imageToVideoAndWait({ promptImage: 'https://x', duration: 7 });
  // @ts-expect-error: responses take `input`, not `messages`.
  await hub.comet.responses.create({ model: 'gpt-5', messages: [] });
}

export type VideoTask = CometTaskMap['cometCreateVideo']['task'];
