/**
 * Identity helper that gives `threat-model.config.ts` type checking. Kept
 * apart from `config.ts` so the site's pages can import the configuration
 * without bundling the validator.
 */
import type {ConfigInput} from './config';

export function defineConfig<T extends ConfigInput>(config: T): T {
  return config;
}
