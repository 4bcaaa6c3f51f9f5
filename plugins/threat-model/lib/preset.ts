/**
 * Everything a site adds to publish threat models, in one call: the
 * threat-model docs instance (remark plugin, sanitizer) and the reference
 * plugin, both fed from one parse of the folder.
 */
import path from 'node:path';
import type {PluginConfig} from '@docusaurus/types';
import {loadConfig, type Config, type ConfigInput} from './config';
import {loadThreatModels} from './load';
import threatModelPlugin from './plugin';
import {parseFrontMatter} from './front-matter-hook';
import remarkThreatModel, {remarkThreatModelOptions} from './remark';
import rehypeSanitizeThreatModel from './sanitize';

export interface ThreatModelSiteOptions {
  /** Absolute site directory (`__dirname` of `docusaurus.config.ts`). */
  siteDir: string;
  /** The content configuration: the default export of `threat-model.config.ts`. */
  config: ConfigInput;
  /** React component (module path) that renders the reference page. */
  referenceComponent: string;
  /** More options for the docs instance, such as `sidebarPath` and `editUrl`. */
  docs?: Record<string, unknown>;
  /**
   * Parse cache between builds. Default: in `node_modules/.cache`, which
   * `docusaurus clear` empties. `false` turns it off.
   */
  cacheFile?: string | false;
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
  const {siteDir} = options;
  const config = loadConfig(options.config);
  const {referencePath, routeBasePath} = config.site;
  const cacheFile =
    options.cacheFile === false ? undefined : (options.cacheFile ?? path.join(siteDir, 'node_modules/.cache/threat-model/parse-cache.json'));
  // The one parse of the folder: the remark plugin and the reference route
  // both receive this index through their options, so no consumer reads the
  // files a second time.
  const {index, diagnostics} = loadThreatModels(config.dir, config, siteDir, {cacheFile});

  return {
    config,
    parseFrontMatter,
    plugins: [
      [
        '@docusaurus/plugin-content-docs',
        {
          id: 'threat-models',
          path: config.dir,
          routeBasePath,
          ...options.docs,
          beforeDefaultRemarkPlugins: [[remarkThreatModel, remarkThreatModelOptions({index, config, siteDir, referencePath})]],
          rehypePlugins: [rehypeSanitizeThreatModel],
        },
      ],
      (context) =>
        threatModelPlugin(context, {
          index,
          config,
          diagnostics,
          docsPluginId: 'threat-models',
          referencePath,
          component: options.referenceComponent,
        }),
    ],
  };
}
