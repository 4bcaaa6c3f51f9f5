/** Find and load the site's `threat-model.config.ts` for the CLI commands. */
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {loadConfig, type Config} from '../config';

export const CONFIG_FILE = 'threat-model.config.ts';

export async function readConfigFile(file: string | undefined, cwd: string): Promise<Config> {
  const absolute = path.resolve(cwd, file ?? CONFIG_FILE);
  if (!fs.existsSync(absolute)) {
    throw new UsageError(`Configuration file not found: ${path.relative(cwd, absolute) || absolute}`,
      `Run the command from the site root, or pass --config <file>.`);
  }
  const mod = (await import(pathToFileURL(absolute).href)) as {default?: unknown};
  // tsx may wrap a CommonJS-compiled default export once more.
  const value = (mod.default as {default?: unknown} | undefined)?.default ?? mod.default;
  return loadConfig(value, path.relative(cwd, absolute));
}

/** A mistake in how the command was called: exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'UsageError';
  }
}
