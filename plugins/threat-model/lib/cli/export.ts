/**
 * `export --format otm|threat-composer|tm-bom|csv [dir] [--output file] [--site-url url] [--config file]`
 *
 * Writes one interchange file for every model in dir, to standard output
 * unless --output names a file, so that it can be piped. Progress and
 * timing go to standard error only.
 *
 * Exit codes: 0 written, 1 the models have errors (nothing is written: an
 * export of a broken model would hide what the check reports), 2 usage or
 * internal error.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {didYouMean} from '../diagnostics';
import {INTERCHANGE_FORMAT_NAMES, INTERCHANGE_FORMATS, type InterchangeFormatName, type InterchangeInput} from '../interchange';
import {loadThreatModels} from '../load';
import {summarize} from '../report/summary';
import {formatText} from '../report/text';
import type {Io} from './check';
import {readConfigFile, UsageError} from './config-file';

export const EXPORT_USAGE = `Usage: npm run export -- --format otm|threat-composer|tm-bom|csv [dir] [--output file] [--site-url url] [--config file]

Writes every threat model in dir (default: the folder set in threat-model.config.ts) in an interchange format.
  --format    otm (Open Threat Model 0.2.0), threat-composer (.tc.json), tm-bom (OWASP TM-BOM 1.0.2)
              or csv (one row per threat)
  --output    write to a file instead of standard output
  --site-url  the site's origin (e.g. https://example.org), to make the threats' URLs absolute
  --config    configuration file (default: threat-model.config.ts)
Exit codes: 0 written, 1 the models have errors (run \`npm run check\`), 2 usage or internal error.`;

export async function runExport(argv: string[], io: Io): Promise<number> {
  const started = performance.now();
  try {
    const {values, positionals} = parseExportArgs(argv);
    if (values.help) {
      io.stdout(`${EXPORT_USAGE}\n`);
      return 0;
    }
    const format = formatOf(values.format);
    const siteUrl = siteUrlOf(values['site-url']);
    const config = await readConfigFile(values.config, io.cwd);
    const dir = positionals[0] ?? config.dir;
    if (!fs.existsSync(path.resolve(io.cwd, dir)) || !fs.statSync(path.resolve(io.cwd, dir)).isDirectory()) {
      throw new UsageError(`Not a folder: ${dir}`, 'Pass the folder that holds the threat-model files, e.g. `npm run export -- --format csv threat-models`.');
    }
    const {index, diagnostics, files} = loadThreatModels(dir, config, io.cwd, {today: io.today});
    const threats = index.models.reduce((n, m) => n + m.threats.length, 0);
    const summary = summarize(diagnostics, files.length, threats, performance.now() - started);
    if (summary.errors > 0) {
      io.stderr(formatText(diagnostics, summary));
      io.stderr(`error: not exported: the threat models have ${summary.errors} error${summary.errors === 1 ? '' : 's'}\n  hint: fix them first; \`npm run check\` lists them.\n`);
      return 1;
    }
    const input: InterchangeInput = {index, config, permalinks: cliPermalinks(config.site.routeBasePath, config.useCases.map((u) => u.id)), ...(siteUrl ? {siteUrl} : {})};
    const text = INTERCHANGE_FORMATS[format].render(input);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (values.output) {
      writeOutput(path.resolve(io.cwd, values.output), text, values.output);
      io.stderr(`Exported ${index.models.length} models, ${threats} threats as ${format} to ${values.output} in ${seconds} s\n`);
    } else {
      io.stdout(text);
      io.stderr(`Exported ${index.models.length} models, ${threats} threats as ${format} in ${seconds} s\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n  hint: ${error.hint}\n`);
    } else {
      io.stderr(`error: ${(error as Error).message}\n`);
    }
    return 2;
  }
}

/**
 * Page paths as a default Docusaurus docs instance gives them
 * (`/<routeBasePath>/<use case>`): the CLI does not run Docusaurus, so a
 * site with another `baseUrl` passes --site-url with the base included.
 */
export function cliPermalinks(routeBasePath: string, useCases: readonly string[]): Record<string, string> {
  return Object.fromEntries(useCases.map((id) => [id, `/${routeBasePath.replace(/\/+$/, '')}/${id}`]));
}

function parseExportArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'format': {type: 'string', short: 'f'},
        'output': {type: 'string', short: 'o'},
        'site-url': {type: 'string'},
        'config': {type: 'string', short: 'c'},
        'help': {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, `See \`npm run export -- --help\`.\n\n${EXPORT_USAGE}`);
  }
}

function formatOf(value: string | undefined): InterchangeFormatName {
  if (value === undefined) {
    throw new UsageError('Missing --format', `Use one of: ${INTERCHANGE_FORMAT_NAMES.join(', ')}, e.g. \`npm run export -- --format otm\`.`);
  }
  if (!(INTERCHANGE_FORMAT_NAMES as readonly string[]).includes(value)) {
    const guess = didYouMean(value, INTERCHANGE_FORMAT_NAMES);
    throw new UsageError(`Unknown format "${value}"${guess ? `: ${guess}` : ''}`, `Use one of: ${INTERCHANGE_FORMAT_NAMES.join(', ')}.`);
  }
  return value as InterchangeFormatName;
}

function siteUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(value)) {
    throw new UsageError(`Not a site URL: ${value}`, 'Pass the origin the site is served at, e.g. `--site-url https://example.org`.');
  }
  return value.replace(/\/+$/, '');
}

function writeOutput(target: string, text: string, written: string): void {
  try {
    fs.mkdirSync(path.dirname(target), {recursive: true});
    fs.writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`Cannot write the export to ${written}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'Pass a path in a folder you can write to.');
  }
}
