import { describe, expect, it } from 'vitest';
import { parseImportResult } from './import-result.js';

const counters = (extra: Record<string, number> = {}) => ({
  endpointCreated: 2,
  endpointUpdated: 3,
  endpointFailed: 0,
  endpointIgnored: 1,
  schemaCreated: 0,
  schemaUpdated: 5,
  schemaFailed: 0,
  schemaIgnored: 0,
  endpointFolderCreated: 1,
  endpointFolderUpdated: 0,
  endpointFolderFailed: 0,
  endpointFolderIgnored: 0,
  schemaFolderCreated: 0,
  schemaFolderUpdated: 0,
  schemaFolderFailed: 0,
  schemaFolderIgnored: 0,
  ...extra,
});

describe('parseImportResult', () => {
  it('reads { data: { counters } } into rows, the documented four first', () => {
    const r = parseImportResult({ data: { counters: counters({ endpointCaseCreated: 4 }) } });
    expect(r.counters.map((c) => c.subject)).toEqual(['endpoint', 'schema', 'endpointFolder', 'schemaFolder', 'endpointCase']);
    expect(r.counters[0]).toEqual({ subject: 'endpoint', created: 2, updated: 3, failed: 0, ignored: 1 });
    expect(r.counters[4]).toEqual({ subject: 'endpointCase', created: 4, updated: 0, failed: 0, ignored: 0 });
    expect([r.failed, r.noCounters, r.errors]).toEqual([false, false, []]);
  });

  it.each([
    ['a failed counter', { data: { counters: counters({ schemaFailed: 1 }) } }],
    ['errors inside data', { data: { counters: counters(), errors: [{ message: 'bad ref', code: 'E1' }] } }],
    ['errors at the top level', { data: { counters: counters() }, errors: ['plain text'] }],
  ])('%s means failed', (_name, body) => {
    expect(parseImportResult(body).failed).toBe(true);
  });

  it('keeps error messages and codes from either place', () => {
    const r = parseImportResult({ data: { counters: counters(), errors: [{ message: 'a', code: 7 }, { other: 1 }] }, errors: [{ message: 'b' }] });
    expect(r.errors).toEqual([{ message: 'a', code: 7 }, { message: '{"other":1}' }, { message: 'b' }]);
  });

  it('an answer without counters says so (and zeroes)', () => {
    const r = parseImportResult({ success: true });
    expect(r.noCounters).toBe(true);
    expect(r.failed).toBe(false);
    expect(r.counters.every((c) => c.created + c.updated + c.failed + c.ignored === 0)).toBe(true);
  });
});
