/**
 * Docusaurus plugin: fails the build on threat-model errors, adds the
 * generated security-model reference route, and writes the JSON export and
 * its JSON Schema beside the built site.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {Config} from './config';
import type {Diagnostic} from './diagnostics';
import {buildExport, exportJsonSchema, type ThreatModelExport} from './export';
import {buildReferenceData} from './reference-data';
import {failBuild} from './fail-build';
import {usesThreatModelFrontMatter} from './front-matter-hook';
import {ThreatModelError} from './remark';
import type {ThreatIndex} from './types';

export interface ThreatModelPluginOptions {
  index: ThreatIndex;
  config: Config;
  /** Findings from loading the folder; any error fails the build. */
  diagnostics: Diagnostic[];
  /** Id of the docs instance that serves the threat models. */
  docsPluginId: string;
  /** Route of the reference page. */
  referencePath: string;
  /** React component rendering the reference page. */
  component: string;
}

export const EXPORT_FILE = 'threat-models.json';
export const EXPORT_SCHEMA_FILE = 'threat-models.schema.json';

interface DocsContent {
  loadedVersions: Array<{docs: Array<{source: string; permalink: string}>}>;
}

export default function threatModelPlugin(context: LoadContext, options: ThreatModelPluginOptions): Plugin {
  const {index, config} = options;
  const markdown = context.siteConfig.markdown;
  // Each of these rewrites a page's text before it is parsed, so the page
  // would no longer be the file that the check read.
  const rewrites = [
    markdown?.preprocessor ? '`markdown.preprocessor`' : undefined,
    markdown?.mdx1Compat?.headingIds ? '`markdown.mdx1Compat.headingIds`' : undefined,
    markdown?.mdx1Compat?.admonitions ? '`markdown.mdx1Compat.admonitions`' : undefined,
  ].filter(Boolean);
  if (rewrites.length > 0) {
    throw new Error(
      `The threat-model plugin cannot build a site that rewrites Markdown before parsing it: remove ${rewrites.join(' and ')} (or set it to false) in docusaurus.config.ts.\n` +
        'The check reads each contributed file as it is written; a rewrite would publish something it never read. (`future.v4: true` turns the mdx1Compat rewrites off.)',
    );
  }
  if (!usesThreatModelFrontMatter(markdown?.parseFrontMatter)) {
    throw new Error(
      'The threat-model plugin needs the site to read front matter with its reader: set `markdown: {parseFrontMatter: threatModels.parseFrontMatter}` in docusaurus.config.ts.\n' +
        'Docusaurus\'s default parser runs `---js` front matter as JavaScript, so a contributed file could run code at build time.',
    );
  }
  let exported: ThreatModelExport | undefined;

  return {
    name: 'threat-model-reference',

    getPathsToWatch() {
      return [path.join(context.siteDir, config.dir, '**/*')];
    },

    async loadContent() {
      const errors = options.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) failBuild(new ThreatModelError(errors));
    },

    async allContentLoaded({allContent, actions}) {
      const docs = (allContent['docusaurus-plugin-content-docs']?.[options.docsPluginId] as DocsContent | undefined)
        ?.loadedVersions[0]?.docs ?? [];
      const permalinks: Record<string, string> = {};
      for (const doc of docs) {
        const useCase = path.basename(doc.source).replace(/\.md$/, '');
        permalinks[useCase] = doc.permalink;
      }
      exported = buildExport(index, config, permalinks);
      const reference = buildReferenceData(exported, index.coverage, {
        exportPath: `${context.baseUrl}${EXPORT_FILE}`,
        schemaPath: `${context.baseUrl}${EXPORT_SCHEMA_FILE}`,
      });
      actions.addRoute({path: options.referencePath, component: options.component, exact: true, props: {reference}});
    },

    async postBuild({outDir}) {
      if (!exported) throw new Error('The threat-model export was not built: allContentLoaded did not run.');
      await fs.writeFile(path.join(outDir, EXPORT_FILE), `${JSON.stringify(exported, null, 2)}\n`);
      await fs.writeFile(path.join(outDir, EXPORT_SCHEMA_FILE), `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
    },
  };
}
