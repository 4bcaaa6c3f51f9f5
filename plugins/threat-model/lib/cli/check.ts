/**
 * `check [dir] [--format text|pretty|json|github|sarif] [--output file]`
 *
 * Exit codes: 0 clean (warnings allowed), 1 findings with at least one
 * error, 2 usage or internal error. Never prints a stack trace for bad input.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {EvidenceError} from '../evidence';
import {loadThreatModels} from '../load';
import {formatGithub} from '../report/github';
import {formatJson} from '../report/json';
import {formatPretty} from '../report/pretty';
import {formatSarif} from '../report/sarif';
import {summarize, summaryLine} from '../report/summary';
import {formatText} from '../report/text';
import {readConfigFile, UsageError} from './config-file';
import {printFailure} from './failure';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The date review ages are measured against, `YYYY-MM-DD` (default: `SOURCE_DATE_EPOCH`, else the clock). */
  today?: string;
}

const FORMATS = ['text', 'pretty', 'json', 'github', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const CHECK_USAGE = `Usage: npm run check -- [dir] [--format text|pretty|json|github|sarif] [--output file] [--config file]

Checks every threat model in dir (default: the folder set in threat-model.config.ts).
  --format   text (default, one finding per line), pretty (grouped by file, with ranges and rule links),
             json, github (workflow annotations) or sarif (SARIF 2.1.0)
  --output   write the report to a file instead of standard output
  --config   configuration file (default: threat-model.config.ts)
Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.`;

export async function runCheck(argv: string[], io: Io): Promise<number> {
  const started = performance.now();
  try {
    const {values, positionals} = parseCheckArgs(argv);
    if (values.help) {
      io.stdout(`${CHECK_USAGE}\n`);
      return 0;
    }
    const format = values.format as Format;
    const config = await readConfigFile(values.config, io.cwd);
    const dir = positionals[0] ?? config.dir;
    if (!fs.existsSync(path.resolve(io.cwd, dir)) || !fs.statSync(path.resolve(io.cwd, dir)).isDirectory()) {
      throw new UsageError(`Not a folder: ${dir}`, 'Pass the folder that holds the threat-model files, e.g. `npm run check -- threat-models`.');
    }
    const {index, diagnostics, files} = loadThreatModels(dir, config, io.cwd, {today: io.today});
    const threats = index.models.reduce((n, m) => n + m.threats.length, 0);
    const summary = summarize(diagnostics, files.length, threats, performance.now() - started);
    const report =
      format === 'json' ? formatJson(diagnostics, summary)
      : format === 'github' ? formatGithub(diagnostics, summary)
      : format === 'sarif' ? formatSarif(diagnostics)
      : format === 'pretty' ? formatPretty(diagnostics, summary, {color: !values.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR})
      : formatText(diagnostics, summary);
    if (values.output) {
      const target = path.resolve(io.cwd, values.output);
      try {
        makeFolders(path.dirname(target));
        fs.writeFileSync(target, report);
      } catch (error) {
        // The findings still reach the log, so CI shows them even without the file.
        io.stdout(formatText(diagnostics, summary));
        throw new UsageError(`Cannot write the report to ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          'Pass a path in a folder you can write to; the findings were printed above instead.');
      }
      io.stderr(`${summaryLine(summary)}\nWrote ${format} report to ${values.output}\n`);
    } else {
      io.stdout(report);
    }
    return summary.errors > 0 ? 1 : 0;
  } catch (error) {
    printFailure(io, error, [UsageError, EvidenceError]);
    return 2;
  }
}

function parseCheckArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f', default: 'text'},
        output: {type: 'string', short: 'o'},
        config: {type: 'string', short: 'c'},
        help: {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, `See \`npm run check -- --help\`.\n\n${CHECK_USAGE}`);
  }
  if (!FORMATS.includes(parsed.values.format as Format)) {
    throw new UsageError(`Unknown format "${parsed.values.format}"`, `Use one of: ${FORMATS.join(', ')}.`);
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError(`Expected at most one folder, got ${parsed.positionals.length}`, CHECK_USAGE);
  }
  return parsed;
}

/**
 * Create the missing folders of `dir` one by one. (`mkdirSync` with
 * `recursive` never returns for some paths, such as under `/proc`.)
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) fs.mkdirSync(folder);
}
