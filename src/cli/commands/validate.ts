import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { displayPath } from '../../core/paths.js';
import { writeFileAtomic } from '../../core/fs.js';
import { packageVersion } from '../version.js';
import { threadOption, threadsSetting } from '../threads.js';
import type { ValidateResult } from '../../validate/types.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface ValidateFlags {
  format: string;
  codeframe?: boolean;
  maxWarnings?: string;
  allowRemoteRefs?: boolean;
  cache: boolean;
  config?: string;
  ignoreFile?: string;
  generateIgnoreFile?: boolean;
  listRules?: boolean;
  maxFileSize?: string;
}

export function registerValidate(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('validate')
    .description('validate OpenAPI 2.0/3.0/3.1/3.2 files: structure (official schemas), $refs and the redocly.yaml rules')
    .argument('[files...]', 'files to validate (default: specs/openapi.yaml)')
    .option('--format <format>', `output format: ${FORMATS.join('|')}`, 'stylish')
    .option('--codeframe', 'stylish: show the source lines of each problem')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
    .option('--allow-remote-refs', 'do not report $refs to http(s) URLs (they are not fetched)')
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes (MiB)', '50')
    .option('--no-cache', 'do not read or write the result cache (node_modules/.cache/api-hub/)')
    .option('--config <file>', 'the redocly.yaml to read (default: found from the project root upwards)')
    .option('--ignore-file <file>', 'known problems to leave out (default: .api-hub-ignore.yaml beside the config)')
    .option('--generate-ignore-file', 'write every current problem to the ignore file (a baseline), then exit 0')
    .option('--list-rules', "list every rule: api-hub's default, its setting under Redocly's presets, whether Redocly has it (--format json: as JSON)")
    .action(async (files: string[], flags: ValidateFlags) => {
      if (flags.listRules) {
        const { ruleCatalog, formatRuleCatalog } = await import('../../validate/rules/catalog.js');
        ctx.stdout(flags.format === 'json' ? `${JSON.stringify(ruleCatalog(), null, 2)}\n` : formatRuleCatalog(ruleCatalog()));
        setExit(ExitCode.ok);
        return;
      }
      setExit(await runValidate(ctx, files, flags));
    });
}

async function runValidate(ctx: CliContext, args: string[], flags: ValidateFlags): Promise<number> {
  const format = flags.format as Format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new HubError(`--format ${flags.format} is unknown (available: ${FORMATS.join(', ')})`);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const maxFileBytes = parseMaxFileSize(flags.maxFileSize);
  const files = (args.length > 0 ? args : ['specs/openapi.yaml']).map((f) => resolve(ctx.root, f));

  // Everything the result depends on, read as text: enough for the cache key, no parsing yet.
  const { findConfigFiles } = await import('../../project/config-files.js');
  if (flags.config && !existsSync(resolve(ctx.root, flags.config))) throw new HubError(`--config ${flags.config}: file not found`);
  const found = findConfigFiles(ctx.root, { ...(flags.config ? { lint: flags.config } : {}), ...(flags.ignoreFile ? { ignore: flags.ignoreFile } : {}) });
  const configText = found.lint ? readText(found.lint) : '';
  const useCache = flags.cache && !flags.generateIgnoreFile && existsSync(join(ctx.root, 'node_modules'));
  // `x-api-hub.ignoreFile` moves the ignore file: known only once the config is parsed, so no cache then.
  const customIgnore = !flags.ignoreFile && /\bignoreFile\s*:/.test(configText);

  let key: string | undefined;
  if (useCache && !customIgnore) {
    const cache = await import('../../validate/cache/result-cache.js');
    key = cache.cacheKey({ files, configText, ignoreText: readText(found.ignore), options: { allowRemoteRefs: flags.allowRemoteRefs ?? false, maxFileBytes } });
    const hit = cache.readCache(ctx.root, key);
    if (hit) return finish(ctx, hit, format, flags, maxWarnings, files);
  }

  // Loaded on use: `api-hub --help`, the other commands and cache hits never pay for the validators.
  const [{ loadConfig }, { validateInProject }] = await Promise.all([import('../../project/config.js'), import('../../project/validation.js')]);
  const project = await loadConfig(ctx.root, {
    ...(flags.config ? { lintConfig: flags.config } : {}),
    ...(flags.ignoreFile ? { ignoreFile: flags.ignoreFile } : {}),
  });
  if (flags.generateIgnoreFile) {
    // A baseline is written from every current problem: the old one must not hide any.
    project.ignore = new Map();
    project.problems.ignore = [];
  }
  const ignorePath = project.files.ignore;
  const result = await validateInProject(project, files, {
    allowRemoteRefs: flags.allowRemoteRefs ?? false,
    maxFileBytes,
    // $refs may reach anywhere in the file's project, whatever the working directory.
    refBoundary: 'project',
    // API_HUB_THREADS: whether the structural check of a large file may take a second thread (unset: when it pays).
    ...threadOption(threadsSetting(ctx.env.API_HUB_THREADS)),
  });

  if (flags.generateIgnoreFile) {
    if (result.fatal) {
      // A file that could not be read or parsed gives an incomplete list: keep the baseline there is.
      ctx.stdout(await render(ctx, result, format, flags, files));
      ctx.stderr(
        `api-hub: the ignore file was not written: validation could not complete (see the problems above); ${displayPath(ctx.root, ignorePath)} is unchanged\n`,
      );
      return ExitCode.failure;
    }
    const { formatIgnoreFile } = await import('../../validate/ignore/ignore-file.js');
    const text = formatIgnoreFile(result.problems.filter((p) => p.stableId !== undefined));
    await writeFileAtomic(ignorePath, text);
    const n = result.problems.filter((p) => p.stableId !== undefined).length;
    ctx.stderr(`api-hub: wrote ${n} problem${n === 1 ? '' : 's'} to ${displayPath(ctx.root, ignorePath)}; they will be left out of later runs\n`);
    return ExitCode.ok;
  }
  if (key && !result.fatal) {
    const cache = await import('../../validate/cache/result-cache.js');
    cache.writeCache(ctx.root, key, [...new Set(result.sources?.flatMap((s) => s.files) ?? files)], result);
  }
  return finish(ctx, result, format, flags, maxWarnings, files);
}

async function finish(
  ctx: CliContext,
  result: ValidateResult,
  format: Format,
  flags: ValidateFlags,
  maxWarnings: number | undefined,
  files: readonly string[],
): Promise<number> {
  const shown = ctx.quiet && format === 'stylish' ? { ...result, problems: result.problems.filter((p) => p.severity === 'error') } : result;
  ctx.stdout(await render(ctx, shown, format, flags, files));
  if (result.fatal) return ExitCode.failure;
  if (result.errorCount > 0) return ExitCode.findings;
  if (maxWarnings !== undefined && result.warningCount > maxWarnings) {
    if (format === 'stylish' || format === 'github') ctx.stderr(`api-hub: ${result.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

/** Each format is its own small module: a cache hit loads only the one it prints. */
async function render(ctx: CliContext, result: ValidateResult, format: Format, flags: ValidateFlags, files: readonly string[]): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../validate/format/json.js')).formatJson(result);
    case 'github':
      return (await import('../../validate/format/github.js')).formatGithub(result);
    case 'junit':
      return (await import('../../validate/format/junit.js')).formatJunit(
        result,
        files.map((f) => displayPath(ctx.root, f)),
      );
    case 'sarif': {
      const [{ formatSarif }, { rules }] = await Promise.all([import('../../validate/format/sarif.js'), import('../../validate/rules/index.js')]);
      const meta = [
        { id: 'struct', description: "Structure against the official OpenAPI JSON Schema of the document's version.", severity: 'error' as const },
        ...Object.values(rules),
      ];
      return formatSarif(result, { rules: meta.map((r) => ({ id: r.id, description: r.description, severity: r.severity })), toolVersion: packageVersion() });
    }
    default:
      return (await import('../../validate/format/stylish.js')).formatStylish(result, {
        codeframe: flags.codeframe ?? false,
        source: (file) => readText(isAbsolute(file) ? file : resolve(ctx.root, file)) || undefined,
      });
  }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new HubError(`--max-warnings must be a whole number >= 0, not ${JSON.stringify(value)}`);
  return n;
}

/** `--max-file-size` in megabytes (MiB), as bytes. */
function parseMaxFileSize(value: string | undefined): number {
  const n = Number(value ?? '50');
  if (!Number.isFinite(n) || n <= 0) throw new HubError(`--max-file-size must be a number of megabytes > 0, not ${JSON.stringify(value)}`);
  return Math.round(n * 1024 * 1024);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
