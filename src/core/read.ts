import { readFile } from 'node:fs/promises';
import { HubError } from './errors.js';
import { parseText, type ParseOptions } from './parse.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read and parse a JSON or YAML file. Any failure (missing, invalid UTF-8,
 * unparseable, too large or deep) is a HubError carrying one diagnostic that
 * names the file and, where known, the line and column.
 */
export async function readDataFile(
  path: string,
  display: string,
  options: ParseOptions = {},
): Promise<{ data: unknown; text: string; format: 'json' | 'yaml' }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? (err as Error).message})`;
    throw new HubError(`${display}: ${why}`, { diagnostics: [{ ruleId: 'file-unreadable', severity: 'error', message: why, file: display }] });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HubError(`${display}: not valid UTF-8`, {
      diagnostics: [{ ruleId: 'invalid-encoding', severity: 'error', message: 'not valid UTF-8', file: display }],
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseText(text, display, options);
  if (!parsed.ok) throw new HubError(`${display}: ${parsed.problem.message}`, { diagnostics: [parsed.problem] });
  return { data: parsed.value.data, text, format: parsed.value.format };
}
