import { describe, expect, it } from 'vitest';
import { addDays, bucketDay, daysBetween, isDay } from './dates.js';

describe('usage days', () => {
  it.each([
    ['2025-01-31', true],
    ['2025-02-30', false],
    ['2025-1-3', false],
    ['', false],
  ])('isDay(%j) is %s', (d, want) => expect(isDay(d)).toBe(want));

  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-12-25', '2025-01-01')).toBe(7);
  });

  it('reads the calendar day of a bucket, with or without an offset', () => {
    expect(bucketDay('2025-01-15T00:00:00-05:00')).toBe('2025-01-15');
    expect(bucketDay('2025-01-15T00:00:00Z')).toBe('2025-01-15');
    expect(bucketDay('2025-01-15')).toBe('2025-01-15');
    expect(bucketDay('yesterday')).toBeUndefined();
  });
});
