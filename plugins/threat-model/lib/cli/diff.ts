/**
 * `diff <git-ref> [--format text|json|markdown] [--fail-on-breaking] [--config file]`
 *
 * Compares the threat models at a commit with the working tree. Exit codes:
 * 0 done (also with breaking changes, unless `--fail-on-breaking`), 1
 * breaking changes with `--fail-on-breaking`, 2 usage or git error.
 * The report goes to standard output; progress and timing to standard error.
 */
import {parseArgs} from 'node:util';
import {diffIndexes} from '../diff/diff';
import {formatDiffJson} from '../diff/format-json';
import {formatDiffMarkdown} from '../diff/format-markdown';
import {formatDiffText} from '../diff/format-text';
import {GitError, resolveCommit} from '../diff/git';
import {readIndexAt, readWorkingIndex} from '../diff/read';
import {summaryText} from '../diff/describe';
import type {Io} from './check';
import {readConfigFile, UsageError} from './config-file';
import {printFailure} from './failure';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export const DIFF_USAGE = `Usage: npm run diff -- <git-ref> [--format text|json|markdown] [--fail-on-breaking] [--config file]

Compares the threat models at <git-ref> (a branch, tag or commit, e.g. origin/main) with the working tree:
threats added, removed and renamed, changed fields, coverage cells and models.
  --format            text (default, grouped by use case), json (versioned shape) or markdown (a pull-request comment)
  --fail-on-breaking  exit 1 when a threat ID was removed without being listed in retiredIds
  --config            configuration file (default: threat-model.config.ts)
Exit codes: 0 done, 1 breaking changes with --fail-on-breaking, 2 usage or git error.`;

export async function runDiff(argv: string[], io: Io): Promise<number> {
  const started = performance.now();
  try {
    const {values, positionals} = parseDiffArgs(argv);
    if (values.help) {
      io.stdout(`${DIFF_USAGE}\n`);
      return 0;
    }
    const ref = positionals[0]!;
    const config = await readConfigFile(values.config, io.cwd);
    const commit = await resolveCommit(io.cwd, ref);
    io.stderr(`Reading ${config.dir}/ at ${ref} (${commit.slice(0, 7)}) and in the working tree…\n`);
    const before = await readIndexAt(io.cwd, commit, config);
    const after = readWorkingIndex(io.cwd, config);
    const diff = diffIndexes(before, after, config);
    const format = values.format as Format;
    io.stdout(
      format === 'json' ? formatDiffJson(diff, {from: {ref, commit}, to: {ref: 'working-tree'}})
      : format === 'markdown' ? formatDiffMarkdown(diff, {from: ref, commit})
      : formatDiffText(diff, {from: `${ref} (${commit.slice(0, 7)})`, to: 'the working tree'}),
    );
    io.stderr(`${summaryText(diff.summary)} (${Math.round(performance.now() - started)} ms)\n`);
    return values['fail-on-breaking'] && diff.breaking.length > 0 ? 1 : 0;
  } catch (error) {
    printFailure(io, error, [UsageError, GitError]);
    return 2;
  }
}

function parseDiffArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f', default: 'text'},
        'fail-on-breaking': {type: 'boolean'},
        config: {type: 'string', short: 'c'},
        help: {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, `See \`npm run diff -- --help\`.\n\n${DIFF_USAGE}`);
  }
  if (parsed.values.help) return parsed;
  if (!FORMATS.includes(parsed.values.format as Format)) {
    throw new UsageError(`Unknown format "${parsed.values.format}"`, `Use one of: ${FORMATS.join(', ')}.`);
  }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(`Expected one git ref, got ${parsed.positionals.length}`, DIFF_USAGE);
  }
  return parsed;
}
