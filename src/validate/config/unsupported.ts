import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../core/diagnostic.js';
import { locatePointers } from '../../core/positions.js';
import { rules as hubRules } from '../rules/index.js';
import type { OasVersion } from '../types.js';
import { configuredRules, type ValidateConfig } from './config.js';
import { redoclyRulesOn } from './redocly-presets.js';

/** Whether api-hub runs a rule of this name (`struct` is the structural check). */
export function implemented(id: string): boolean {
  return Object.hasOwn(hubRules, id) || id === 'struct';
}

/**
 * The Redocly rules a run's configuration turns on (its preset or its `rules`) for the
 * documents it checked, and that api-hub does not implement: one warning per rule, at
 * the place in the config file that turned it on, so that no rule is skipped in silence.
 */
export function unsupportedRules(config: ValidateConfig, documents: ReadonlyArray<{ version: OasVersion; root: string }>): Diagnostic[] {
  if (config.preset === 'api-hub' && config.setAt === undefined) return [];
  const found = new Map<string, string>();
  for (const { version, root } of documents) {
    const configured = configuredRules(config, version, root);
    if (config.preset !== 'api-hub') {
      for (const id of redoclyRulesOn(config.preset, version)) {
        if (!implemented(id) && !configured.has(id) && !found.has(id)) found.set(id, config.setAt?.extends ?? '');
      }
    }
    for (const [id, setting] of configured) {
      if (setting !== 'off' && !implemented(id) && !found.has(id)) found.set(id, config.setAt?.rules.get(id) ?? '');
    }
  }
  if (found.size === 0) return [];
  const display = config.display ?? config.file ?? 'config';
  let positions = new Map<string, { line: number; column: number }>();
  if (config.file) {
    try {
      positions = locatePointers(readFileSync(config.file, 'utf8'), 'yaml', [...new Set(found.values())]);
    } catch {
      // positions are a convenience: the warnings stand without them
    }
  }
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, pointer]) => ({
      ruleId: 'config',
      severity: 'warn' as const,
      message: `Redocly rule \`${id}\` is not implemented by api-hub: it is not checked (set \`${id}: off\` to say so)`,
      file: display,
      pointer,
      ...(positions.get(pointer) ?? { line: 1, column: 1 }),
    }));
}
