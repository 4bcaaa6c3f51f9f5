/** `new <use-case>`: write threat-models/<use-case>.md from the template. */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {didYouMean} from '../diagnostics';
import {threatModelTemplate} from '../template';
import type {Io} from './check';
import {UseCaseSchema} from '../config';
import {visible} from '../visible';
import {readConfigFile, UsageError} from './config-file';
import {modelFile} from '../ids';

export const NEW_USAGE = 'Usage: npm run new -- <use-case> [--config file]';

export async function runNew(argv: string[], io: Io, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({args: argv, allowPositionals: true, strict: true, options: {config: {type: 'string', short: 'c'}}});
    } catch (error) {
      throw new UsageError((error as Error).message, NEW_USAGE);
    }
    const [id, ...extra] = parsed.positionals;
    if (!id || extra.length > 0) throw new UsageError('Expected exactly one use-case id', NEW_USAGE);
    if (!UseCaseSchema.shape.id.safeParse(id).success) {
      throw new UsageError(`"${visible(id)}" is not a use-case id`,
        'A use-case id is lowercase letters, digits and dashes, starting with a letter (e.g. `ci-cd`); it is also the file name, so it holds no `/` or `..`.');
    }
    const config = await readConfigFile(parsed.values.config, io.cwd);
    const useCase = config.useCases.find((u) => u.id === id);
    if (!useCase) {
      const guess = didYouMean(id, config.useCases.map((u) => u.id));
      io.stderr(
        `error: "${id}" is not a configured use case${guess ? ` (${guess})` : ''}\n` +
          `  hint: configured use cases: ${config.useCases.map((u) => u.id).join(', ')}. To add one, append ` +
          `{id: '${id}', label: '…', prefix: '…'} to useCases in threat-model.config.ts, then run this again.\n`,
      );
      return 1;
    }
    const target = modelFile(config, id);
    const absolute = path.resolve(io.cwd, target);
    if (fs.existsSync(absolute)) {
      io.stderr(`error: ${target} already exists\n  hint: edit it instead; \`new\` never overwrites a file.\n`);
      return 1;
    }
    fs.mkdirSync(path.dirname(absolute), {recursive: true});
    fs.writeFileSync(absolute, threatModelTemplate(useCase, config.runtime, today, config.policy), {flag: 'wx'});
    io.stdout(`Wrote ${target}. Fill it in, then run \`npm run check\`.\n`);
    return 0;
  } catch (error) {
    const hint = error instanceof UsageError ? `\n  hint: ${error.hint}` : '';
    io.stderr(`error: ${(error as Error).message}${hint}\n`);
    return 2;
  }
}
