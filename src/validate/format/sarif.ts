import type { Severity } from '../../core/diagnostic.js';
import type { ValidateResult } from '../types.js';

export interface SarifRule {
  id: string;
  description: string;
  severity: Severity | 'off';
}

export interface SarifOptions {
  /** Rule metadata (id, description, default severity) for `tool.driver.rules`. */
  rules?: readonly SarifRule[];
  toolVersion?: string;
}

/**
 * SARIF 2.1.0, as GitHub code scanning accepts it: one run, the tool with its
 * rules, one result per problem with a physical location (file relative to the
 * repository root, 1-based line and column) and the JSON pointer as a logical
 * location.
 */
export function formatSarif(result: ValidateResult, options: SarifOptions = {}): string {
  const known = new Map((options.rules ?? []).map((r) => [r.id, r]));
  const used = [...new Set(result.problems.map((p) => p.ruleId))];
  const ids = [...new Set([...known.keys(), ...used])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const r = known.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: r?.description ?? id },
      ...(r ? { defaultConfiguration: { level: level(r.severity === 'off' ? 'warn' : r.severity), enabled: r.severity !== 'off' } } : {}),
    };
  });
  const results = result.problems.map((p) => ({
    ruleId: p.ruleId,
    ruleIndex: index.get(p.ruleId)!,
    level: level(p.severity),
    message: { text: p.message + (p.suggestion ? ` ${p.suggestion}` : '') },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(p.file ?? ''),
          region: { startLine: p.line ?? 1, startColumn: p.column ?? 1 },
        },
        ...(p.pointer ? { logicalLocations: [{ fullyQualifiedName: p.pointer, kind: 'object' }] } : {}),
      },
    ],
    ...((p as { stableId?: string }).stableId ? { partialFingerprints: { 'apiHubStableId/v1': `${p.ruleId}:${(p as { stableId?: string }).stableId}` } } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'api-hub validate',
            informationUri: 'https://github.com/bananastudio/api-hub',
            ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The project root.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function level(s: string): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warn' ? 'warning' : 'note';
}

/** A relative URI reference against the project root (`%SRCROOT%`), or a `file:` URI for files outside it. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const encoded = file
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return file.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}
