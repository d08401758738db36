import { describe, expect, it } from 'vitest';
import { commentText, jsDoc, pathsAccess, stringLiteral } from './ts-text.js';

describe('ts-text', () => {
  it.each([
    ['plain', 'fal-ai/flux/dev', '"fal-ai/flux/dev"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['newline', 'a\nb', '"a\\nb"'],
  ])('stringLiteral: %s', (_name, given, want) => {
    expect(stringLiteral(given)).toBe(want);
  });

  it('commentText cannot close the comment or span lines', () => {
    expect(commentText('ends */ here\nand  there ')).toBe('ends *\\/ here and there');
    expect(jsDoc('  ', '  ')).toBe('');
    expect(jsDoc('x */', '  ')).toBe('  /** x *\\/ */\n');
  });

  it('pathsAccess quotes the path and method', () => {
    expect(pathsAccess('/a/{id}', 'get')).toBe('paths["/a/{id}"]["get"]');
  });
});
