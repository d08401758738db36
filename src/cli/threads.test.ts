import { describe, expect, it } from 'vitest';
import { HubError } from '../core/errors.js';
import { threadsSetting } from './threads.js';

describe('API_HUB_THREADS', () => {
  it('leaves the choice to the default when unset or empty', () => {
    expect(threadsSetting(undefined)).toBeUndefined();
    expect(threadsSetting('')).toBeUndefined();
    expect(threadsSetting('  ')).toBeUndefined();
  });

  it('is one thread for 0 and 1, a second thread for 2 or more', () => {
    expect(threadsSetting('0')).toBe(false);
    expect(threadsSetting('1')).toBe(false);
    expect(threadsSetting('2')).toBe(true);
    expect(threadsSetting(' 8 ')).toBe(true);
  });

  it('refuses anything else with a message naming the variable', () => {
    for (const bad of ['yes', '-1', '1.5', 'two']) {
      expect(() => threadsSetting(bad)).toThrow(HubError);
      expect(() => threadsSetting(bad)).toThrow(/API_HUB_THREADS must be a whole number/);
    }
  });
});
