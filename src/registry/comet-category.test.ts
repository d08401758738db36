import { describe, expect, it } from 'vitest';
import { classifyCometModel } from './comet-category.js';

describe('classifyCometModel', () => {
  it.each([
    // video families, by id
    ['kling_video', 'text-to-video', 'kling'],
    ['veo3', 'text-to-video', 'veo'],
    ['veo3-frames', 'image-to-video', 'veo'],
    ['sora-2-pro', 'text-to-video', 'sora'],
    ['luma_video', 'text-to-video', 'luma'],
    ['runwayml_image_to_video', 'image-to-video', 'runway'],
    ['runwayml_video_to_video', 'video-to-video', 'runway'],
    ['runwayml_text_to_image', 'text-to-image', 'runway'],
    ['doubao-seedance-1-0-lite-i2v-250428', 'image-to-video', 'bytedance'],
    ['mj_fast_video', 'image-to-video', 'midjourney'],
    // images
    ['mj_fast_imagine', 'text-to-image', 'midjourney'],
    ['mj_turbo_upscale', 'image-to-image', 'midjourney'],
    ['mj_fast_describe', 'vision', 'midjourney'],
    ['dall-e-3', 'text-to-image', 'openai-images'],
    ['gpt-image-1', 'text-to-image', 'openai-images'],
    ['flux-kontext-pro', 'image-to-image', 'flux'],
    ['bria_image_edit_erase', 'image-to-image', 'bria'],
    // audio
    ['suno_music', 'text-to-audio', 'suno'],
    ['tts-1-hd', 'text-to-speech', 'openai'],
    ['whisper-1', 'speech-to-text', 'openai'],
    ['kling_audio_video_to_audio', 'video-to-audio', 'kling'],
    // text
    ['text-embedding-3-small', 'embeddings', 'openai'],
    ['gpt-4o-mini', 'llm', 'openai'],
    ['claude-sonnet-4-5', 'llm', 'claude'],
    ['qwen-vl-max', 'vision', 'qwen'],
    ['omni-moderation-latest', 'moderation', 'openai'],
    // nothing to go on
    ['minimax_files_retrieve', null, 'minimax'],
    ['something-new', null, null],
  ])('%s -> %s (%s)', (id, category, family) => {
    expect(classifyCometModel({ id })).toEqual({ category, family });
  });

  it('prefers the public catalog: features first, then the id, then model_type', () => {
    expect(classifyCometModel({ id: 'gpt-image-2', features: ['text-to-image'], modelType: 'image' }).category).toBe('text-to-image');
    expect(classifyCometModel({ id: 'deepseek-v4-pro', features: ['text-to-text'], modelType: 'text' }).category).toBe('llm');
    expect(classifyCometModel({ id: 'kling_video', features: ['image-to-video'] }).category).toBe('image-to-video');
    expect(classifyCometModel({ id: 'brand-new', features: ['unknown thing'], modelType: 'video' }).category).toBe('text-to-video');
    expect(classifyCometModel({ id: 'brand-new', modelType: 'hologram' }).category).toBeNull();
  });
});
