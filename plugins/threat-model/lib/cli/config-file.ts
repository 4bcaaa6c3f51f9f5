/** Find and load the site's `threat-model.config.ts` for the CLI commands. */
import fs from 'node:fs';
import path from 'node:path';
import {loadFreshModule} from '@docusaurus/utils';
import {loadConfig, type Config} from '../config';

export const CONFIG_FILE = 'threat-model.config.ts';

export async function readConfigFile(file: string | undefined, cwd: string): Promise<Config> {
  const absolute = path.resolve(cwd, file ?? CONFIG_FILE);
  if (!fs.existsSync(absolute)) {
    throw new UsageError(`Configuration file not found: ${path.relative(cwd, absolute) || absolute}`,
      `Run the command from the site root, or pass --config <file>.`);
  }
  // Loaded as Docusaurus loads docusaurus.config.ts (TypeScript, ESM or CommonJS), with or without tsx.
  const value = (await loadFreshModule(absolute)) as {default?: unknown} | undefined;
  return loadConfig(value?.default ?? value, path.relative(cwd, absolute));
}

/** A mistake in how the command was called: exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'UsageError';
  }
}
