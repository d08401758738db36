import { describe, expect, it } from 'vitest';
import { infoLicense } from './info-license.js';
import { runRule } from './rule-test-helper.js';

const on = <T extends { severity: string }>(r: T): T => ({ ...r, severity: 'warn' });

describe('info-license', () => {
  it.each([
    ['3.0.3', `{title: t, version: '1'}`, ['/info'], []],
    ['3.0.3', `{title: t, version: '1', license: {name: MIT}}`, [], ['/info/license']],
    ['3.0.3', `{title: t, version: '1', license: {name: MIT, url: 'https://mit.edu'}}`, [], []],
    ['3.1.0', `{title: t, version: '1', license: {name: MIT, identifier: MIT}}`, [], []],
    ['3.0.3', `{title: t, version: '1', license: {name: MIT, identifier: MIT}}`, [], ['/info/license']],
  ])('%s %s', async (v, info, license, _strict) => {
    const doc = `openapi: ${v}\ninfo: ${info}\npaths: {}\n`;
    expect((await runRule(on(infoLicense), doc)).map((h) => h.pointer)).toEqual(license);
  });
});
