import { describe, expect, it } from 'vitest';
import { findStaleFiles } from './check.js';
import type { StaleFile } from './check.js';

const expected = [
  { path: 'client.d.ts', contents: 'types' },
  { path: 'client.js', contents: 'code' },
];

const cases: Array<[string, { given: Record<string, string>; want: StaleFile[] }]> = [
  ['all current', { given: { 'client.d.ts': 'types', 'client.js': 'code' }, want: [] }],
  ['one differs', { given: { 'client.d.ts': 'types', 'client.js': 'code\n' }, want: [{ path: 'client.js', reason: 'differs' }] }],
  ['one missing', { given: { 'client.js': 'code' }, want: [{ path: 'client.d.ts', reason: 'missing' }] }],
  [
    'nothing generated yet',
    {
      given: {},
      want: [
        { path: 'client.d.ts', reason: 'missing' },
        { path: 'client.js', reason: 'missing' },
      ],
    },
  ],
  ['extra files are ignored', { given: { 'client.d.ts': 'types', 'client.js': 'code', '.gitkeep': '' }, want: [] }],
];

describe('findStaleFiles', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(findStaleFiles(expected, new Map(Object.entries(given)))).toEqual(want);
  });
});
