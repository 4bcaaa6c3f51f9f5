/**
 * Everything a site adds to publish threat models, in one call: the
 * threat-model docs instance (remark plugin, sanitizer), the plugin that
 * loads and checks the folder, and the front-matter hook for the site.
 *
 * ```ts
 * const threatModels = threatModelSite({siteDir: __dirname, config: contentConfig});
 * export default {markdown: {parseFrontMatter: threatModels.parseFrontMatter}, plugins: threatModels.plugins};
 * ```
 */
import path from 'node:path';
import type {PluginConfig, PluginModule} from '@docusaurus/types';
import {loadConfig, type Config, type ConfigInput} from './config';
import {parseFrontMatter} from './front-matter-hook';
import type {PluginOptions} from './options';
import threatModelPlugin from './plugin';
import remarkThreatModel, {remarkThreatModelOptions} from './remark';
import rehypeSanitizeThreatModel from './sanitize';


export interface ThreatModelSiteOptions {
  /** Absolute site directory (`__dirname` of `docusaurus.config.ts`). */
  siteDir: string;
  /** The content configuration: the default export of `threat-model.config.ts`. */
  config: ConfigInput;
  /** More options for the docs instance, such as `sidebarPath` and `editUrl`. */
  docs?: Record<string, unknown>;
  /** Id of the docs instance. Default `threat-models`. */
  docsPluginId?: string;
  /** Parse cache between builds (see the plugin's `cacheFile` option). */
  cacheFile?: PluginOptions['cacheFile'];
}

export interface ThreatModelSite {
  /** The validated content configuration. */
  config: Config;
  /** Add these to the site's `plugins`. */
  plugins: PluginConfig[];
  /**
   * Set it as the site's `markdown.parseFrontMatter`: every Markdown file is
   * then read with the reader the check uses, never with an engine that runs
   * code. The plugin refuses to build without it.
   */
  parseFrontMatter: typeof parseFrontMatter;
}

export function threatModelSite(options: ThreatModelSiteOptions): ThreatModelSite {
  const config = loadConfig(options.config);
  const docsPluginId = options.docsPluginId ?? 'threat-models';
  const {referencePath, routeBasePath} = config.site;
  const pluginOptions: PluginOptions = {
    config,
    docsPluginId,
    ...(options.cacheFile === undefined ? {} : {cacheFile: options.cacheFile}),
  };

  return {
    config,
    parseFrontMatter,
    plugins: [
      [
        '@docusaurus/plugin-content-docs',
        {
          id: docsPluginId,
          path: config.dir,
          routeBasePath,
          ...options.docs,
          beforeDefaultRemarkPlugins: [
            [remarkThreatModel, remarkThreatModelOptions({config, siteDir: options.siteDir, referencePath, pluginId: 'default'})],
          ],
          rehypePlugins: [rehypeSanitizeThreatModel],
        },
      ],
      // The function itself, not its module's path: Docusaurus would load a
      // second copy of the whole generator for a path.
      [threatModelPlugin as unknown as PluginModule, pluginOptions],
    ],
  };
}
