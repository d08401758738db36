/**
 * A Comet model's category and family. Comet's `/v1/models` says nothing about
 * what a model does; its public catalog (`/api/models`) has `features` and
 * `model_type` when it lists the model. Otherwise the model id says it (the
 * ids name the route family: `mj_*` is Midjourney, `kling_video` Kling's video
 * route). Categories use FAL's names where the meaning is the same
 * (text-to-image, image-to-video, text-to-speech, …), so one `--category`
 * lists both providers; Comet's chat models are `llm`.
 */

/** Ordered: the first rule whose pattern matches the lower-cased id wins. */
const CATEGORY_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/embed/, 'embeddings'],
  [/moderation/, 'moderation'],
  [/whisper|transcribe/, 'speech-to-text'],
  [/(^|[-_])tts([-_]|$)/, 'text-to-speech'],
  [/video_to_audio/, 'video-to-audio'],
  [/text_to_audio|^suno_/, 'text-to-audio'],
  [/lip_sync|video2video|video_to_video|^kling_multi_elements|upscale_video|act_one|character_performance|control_character/, 'video-to-video'],
  [/^mj_.*_video$/, 'image-to-video'],
  [/^mj_.*(describe|pic_reader|prompt_analyzer)/, 'vision'],
  [/^mj_.*(blend|upscale|variation|pan|zoom|inpaint|edits|reroll|modal|upload)/, 'image-to-image'],
  [/^mj_/, 'text-to-image'],
  [/image2video|image_to_video|i2v|frames$|avatar/, 'image-to-video'],
  [/text_to_image/, 'text-to-image'],
  [/t2v|^veo|^sora|seedance|hailuo|^luma|^runway|^kling_(video|extend|effects)|_video(-|$)/, 'text-to-video'],
  [/3d/, 'image-to-3d'],
  [/image_edit|image-edit|seededit|i2i|image2image|image_expand|try_on|kontext|-fill|-canny|-depth|inpainting/, 'image-to-image'],
  [/identify_face|image_recognize|ocr|vision|-vl|4v/, 'vision'],
  [
    /dall-e|gpt-image|gpt-4o-image|seedream|t2i|imagen|flux|ideogram|recraft|stable-diffusion|sdxl|bria_text_to|qwen-image|-image(-preview)?$|text_to_image|^kling_image$/,
    'text-to-image',
  ],
  [/gpt|^o\d|claude|gemini|deepseek|qwen|qwq|glm|grok|llama|kimi|moonshot|doubao|hunyuan|abab|sparkdesk|^yi-|minimax-m|cometapi|codex/, 'llm'],
];

/** `/api/models` `features` entries that are not already a category name. */
const FEATURE_CATEGORY: Readonly<Record<string, string>> = {
  'text-to-text': 'llm',
  chat: 'llm',
  embedding: 'embeddings',
  embeddings: 'embeddings',
};

/** `/api/models` `model_type`, the coarsest hint, used last. */
const MODEL_TYPE_CATEGORY: Readonly<Record<string, string>> = {
  text: 'llm',
  chat: 'llm',
  image: 'text-to-image',
  video: 'text-to-video',
  audio: 'text-to-audio',
  music: 'text-to-audio',
  embedding: 'embeddings',
  embeddings: 'embeddings',
};

/** Ordered family rules: the route family (or vendor line) a model id belongs to, for search and suggestions. */
const FAMILY_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^mj_/, 'midjourney'],
  [/^suno/, 'suno'],
  [/^kling/, 'kling'],
  [/^runway/, 'runway'],
  [/^luma/, 'luma'],
  [/^veo/, 'veo'],
  [/^sora/, 'sora'],
  [/seedance|seedream|seededit|doubao|bytedance/, 'bytedance'],
  [/dall-e|gpt-image|gpt-4o-image/, 'openai-images'],
  [/flux|black-forest-labs/, 'flux'],
  [/bria/, 'bria'],
  [/ideogram/, 'ideogram'],
  [/recraft/, 'recraft'],
  [/stability-ai|stable-diffusion|sdxl/, 'stable-diffusion'],
  [/minimax|hailuo|abab/, 'minimax'],
  [/claude|cometapi-/, 'claude'],
  [/gemini/, 'gemini'],
  [/^gpt|^o\d|chatgpt|codex|whisper|^tts|omni-moderation|text-embedding/, 'openai'],
  [/deepseek/, 'deepseek'],
  [/qwen|qwq/, 'qwen'],
  [/grok/, 'grok'],
  [/glm/, 'glm'],
  [/hunyuan/, 'hunyuan'],
  [/kimi|moonshot/, 'kimi'],
  [/llama/, 'llama'],
  [/sparkdesk/, 'spark'],
  [/^yi-/, 'yi'],
];

export interface CometModelHints {
  id: string;
  /** `/v1/models` `owned_by`. */
  ownedBy?: string | null;
  /** `/api/models` `features` and `model_type`, when the public catalog lists the model. */
  features?: readonly string[];
  modelType?: string | null;
}

export interface CometClassification {
  category: string | null;
  /** The route family or vendor line (`midjourney`, `kling`, `claude`, …); null when none is known. */
  family: string | null;
}

/** Categories FAL uses that a Comet `features` entry may name directly. */
const KNOWN = new Set(CATEGORY_RULES.map(([, c]) => c));

/** The category (catalog `features`, then the id, then `model_type`) and family of one Comet model. */
export function classifyCometModel(h: CometModelHints): CometClassification {
  const id = h.id.toLowerCase();
  return { category: fromFeatures(h.features ?? []) ?? firstMatch(CATEGORY_RULES, id) ?? fromModelType(h.modelType), family: firstMatch(FAMILY_RULES, id) };
}

function fromFeatures(features: readonly string[]): string | null {
  for (const f of features) {
    const k = f.trim().toLowerCase();
    const c = FEATURE_CATEGORY[k] ?? (KNOWN.has(k) || /^[a-z0-9]+-to-[a-z0-9]+$/.test(k) ? k : undefined);
    if (c) return c;
  }
  return null;
}

function fromModelType(t: string | null | undefined): string | null {
  return t ? (MODEL_TYPE_CATEGORY[t.trim().toLowerCase()] ?? null) : null;
}

function firstMatch(rules: ReadonlyArray<readonly [RegExp, string]>, id: string): string | null {
  for (const [re, value] of rules) if (re.test(id)) return value;
  return null;
}
