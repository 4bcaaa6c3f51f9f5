/**
 * The Docusaurus plugin. In its lifecycle it loads, indexes and checks the
 * threat-model folder (`loadContent`, again whenever a file in it changes),
 * writes the cross-file data that pages render at run time (one data module
 * per page, and a small `setGlobalData` summary), adds the generated
 * reference, triage ("Is this a … vulnerability?") and Changes routes with their data as props, provides the theme components
 * (`getThemePath`), and writes the JSON export and its JSON Schema beside
 * the built site.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, OptionValidationContext, Plugin} from '@docusaurus/types';
import {failBuild} from './fail-build';
import {usesThreatModelFrontMatter} from './front-matter-hook';
import {buildExport, exportJsonSchema, type ThreatModelExport} from './export';
import {interchangeLinks, renderAll, type InterchangeInput} from './interchange';
import {buildGlobalData, buildPageData, pageDataFile, PLUGIN_NAME} from './global-data';
import {diagramMarkup} from './diagram/markup';
import type {Config} from './config';
import {folderDigest, loadThreatModels, loadThreatModelsInParallel, readFolder, type FolderLoadResult, type LoadResult} from './load';
import {buildIndex} from './model-index';
import {normalizeOptions, type Options, type PluginOptions} from './options';
import {buildReferenceData} from './reference-data';
import {buildTriageData} from './triage-data';
import {changesRoute} from './changes-route';
import {ThreatModelError} from './remark';
import {formatDiagnostic} from './report/text';
import {treeStore} from './tree-store';
import type {ThreatModel} from './types';
import {useCaseOfFile} from './ids';

export const EXPORT_FILE = 'threat-models.json';
export const EXPORT_SCHEMA_FILE = 'threat-models.schema.json';

/**
 * Where the code runs from: `dist/` of the installed package (compiled
 * JavaScript, the TypeScript sources beside it for swizzling), or the
 * package's own folder when a site uses its sources.
 */
const ROOT = path.resolve(__dirname, '..');
const PACKAGE_ROOT = path.basename(ROOT) === 'dist' ? path.dirname(ROOT) : ROOT;
const THEME_PATH = path.join(ROOT, 'theme');
const TYPESCRIPT_THEME_PATH = path.join(PACKAGE_ROOT, 'theme');
const STYLESHEETS = ['threat-model.css', 'diagram.css'].map((file) => path.join(PACKAGE_ROOT, 'css', file));

/**
 * What `loadContent` hands Docusaurus: which files it read, not what they
 * hold. Docusaurus's debug plugin writes every plugin's content into a
 * module of the dev bundle, and two plugins reloading at once (the docs
 * instance watches the same folder) can leave a stale copy there; content
 * that changed with every edit would then recompile the site after a
 * mistake and print the page's error a second time. Pages get their data
 * from the data modules, which the plugin writes from its freshest read.
 */
export interface LoadedContent {
  /** The threat-model files, relative to the site. */
  files: string[];
}

interface DocsContent {
  loadedVersions: Array<{docs: Array<{source: string; permalink: string}>}>;
}

export default function threatModelPlugin(context: LoadContext, options: Options): Plugin<LoadedContent> {
  refuseRewritingSites(context);
  const {config} = options;
  const folder = path.resolve(context.siteDir, config.dir);
  const cacheFile = options.cacheFile === false ? undefined : path.resolve(context.siteDir, options.cacheFile);
  const production = process.env.NODE_ENV === 'production';
  let latest: FolderLoadResult | undefined;
  let exported: ThreatModelExport | undefined;
  let interchange: InterchangeInput | undefined;
  let reported = '';
  const lastGood = new Map<string, ThreatModel>();
  const changes = changesRoute(context.siteDir, config);

  // A production build hands each parsed tree to the page compiler (`tree-store.ts`).
  const loadOptions = {cacheFile, ...(production ? {trees: treeStore()} : {})};

  function remember(result: FolderLoadResult): FolderLoadResult {
    latest = production ? result : {...keepLastGood(result, lastGood, config), digest: result.digest};
    return latest;
  }

  function load(): FolderLoadResult {
    return remember(loadThreatModels(config.dir, config, context.siteDir, loadOptions));
  }

  /** The last load, unless the folder changed since: another plugin's reload can start before this one's. */
  function fresh(): FolderLoadResult {
    if (!latest) return load();
    let digest: string;
    try {
      digest = folderDigest(readFolder(folder, context.siteDir));
    } catch {
      // Unreadable now: loading again reports why.
      return load();
    }
    return digest === latest.digest ? latest : load();
  }

  return {
    name: PLUGIN_NAME,

    getThemePath: () => THEME_PATH,
    getTypeScriptThemePath: () => TYPESCRIPT_THEME_PATH,
    getClientModules: () => STYLESHEETS,

    // The theme imports the browser entry by the package's name, so that a
    // swizzled copy in a site's src/theme keeps working; resolve it to this
    // copy of the plugin, installed or not.
    configureWebpack: () => ({resolve: {alias: {[`${PLUGIN_NAME}/client$`]: path.join(ROOT, 'client')}}}),

    getPathsToWatch() {
      // The CVE database too: a refresh changes what the pages show of each CVE.
      const evidence = config.evidence ? [path.join(path.resolve(context.siteDir, config.evidence.cveDatabase), '*.json')] : [];
      return [path.join(folder, '**/*'), ...evidence];
    },

    async loadContent() {
      // Parsing is most of a cold load, and the other plugins' loading leaves cores idle.
      const loaded = remember(await loadThreatModelsInParallel(config.dir, config, context.siteDir, loadOptions));
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (production) {
        if (errors.length > 0) failBuild(new ThreatModelError(errors));
      } else {
        reported = reportInDev(loaded, reported);
      }
      return {files: loaded.files};
    },

    async allContentLoaded({allContent, actions}) {
      const current = fresh();
      const docs = (allContent['docusaurus-plugin-content-docs']?.[options.docsPluginId] as DocsContent | undefined)
        ?.loadedVersions[0]?.docs ?? [];
      const permalinks: Record<string, string> = {};
      for (const doc of docs) {
        if (path.resolve(context.siteDir, path.dirname(doc.source.replace(/^@site\//, ''))) !== folder) continue;
        permalinks[useCaseOfFile(doc.source)] = doc.permalink;
      }
      exported = buildExport(current.index, config, permalinks);
      interchange = {index: current.index, config, permalinks, siteUrl: context.siteConfig.url};
      const paths = {exportPath: `${context.baseUrl}${EXPORT_FILE}`, schemaPath: `${context.baseUrl}${EXPORT_SCHEMA_FILE}`};
      const reference = buildReferenceData(exported, current.index.coverage, {...paths, interchange: interchangeLinks(context.baseUrl), changesPath: config.site.changesPath}, current.evidence);
      actions.addRoute({path: config.site.referencePath, component: '@theme/ThreatModelReference', exact: true, props: {reference}});
      const triage = buildTriageData(exported, {...paths, referencePath: config.site.referencePath});
      actions.addRoute({path: config.site.triagePath, component: '@theme/ThreatModelTriage', exact: true, props: {triage}});
      actions.addRoute(await changes.route());
      actions.setGlobalData(buildGlobalData(exported, config, {referencePath: config.site.referencePath, exportPath: paths.exportPath}));
      // One data module per page, also for a file that has errors: its page imports it all the same.
      await Promise.all(
        current.files
          .filter((file) => file.endsWith('.md'))
          .map(async (file) => {
            const model = current.index.models.find((m) => m.file === file);
            const diagram = model ? await diagramMarkup(model) : undefined;
            const data = {...buildPageData(current.index, file, permalinks, current.evidence), ...(diagram ? {diagram} : {})};
            await actions.createData(pageDataFile(path.posix.basename(file)), JSON.stringify(data));
          }),
      );
    },

    async postBuild({outDir}) {
      treeStore().clear();
      if (!exported || !interchange) throw new Error('The threat-model export was not built: allContentLoaded did not run.');
      await fsp.writeFile(path.join(outDir, EXPORT_FILE), `${JSON.stringify(exported, null, 2)}\n`);
      await fsp.writeFile(path.join(outDir, EXPORT_SCHEMA_FILE), `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
      // The interchange formats (OTM, Threat Composer, TM-BOM, CSV) beside the JSON export.
      await Promise.all(renderAll(interchange).map(({file, text}) => fsp.writeFile(path.join(outDir, file), text)));
    },
  };
}

export function validateOptions({options}: OptionValidationContext<PluginOptions, Options>): Options {
  return normalizeOptions(options);
}

// Docusaurus validates `[threatModelPlugin, options]` through this property,
// as it does `['docusaurus-plugin-threat-model', options]` through the export.
threatModelPlugin.validateOptions = validateOptions;

/**
 * Under `docusaurus start`: print the findings that no page's compilation
 * shows (a page's own ones reach the browser overlay and the terminal from
 * its compilation), once per change, without a stack trace, and say when
 * they are gone. Returns what it printed, to compare with the next load.
 */
function reportInDev(content: LoadResult, previous: string): string {
  const text = content.crossFile.map(formatDiagnostic).join('\n');
  if (text === previous) return previous;
  if (text) {
    const errors = content.crossFile.filter((d) => d.severity === 'error').length;
    process.stderr.write(`\n[ERROR] Threat models: ${errors} error${errors === 1 ? '' : 's'} across files (run \`npm run check\` for the full report):\n${text}\n`);
  } else if (previous) {
    process.stdout.write('\n[SUCCESS] Threat models: the errors across files are fixed.\n');
  }
  return text;
}

/**
 * Under `docusaurus start`, a file that no longer reads keeps its last good
 * model in the index, as the bundler keeps serving its last good page: the
 * other pages go on showing its threats until it is fixed, and the
 * mistake is reported once, by the file's own compilation, instead of
 * again by every page whose data would change.
 */
function keepLastGood(result: LoadResult, lastGood: Map<string, ThreatModel>, config: Config): LoadResult {
  const read = new Set(result.index.models.map((m) => m.file));
  const kept = [...lastGood.values()].filter((m) => !read.has(m.file) && result.files.includes(m.file));
  for (const model of result.index.models) lastGood.set(model.file, model);
  if (kept.length === 0) return result;
  return {...result, index: buildIndex([...result.index.models, ...kept], config)};
}

/**
 * Each of these rewrites a page's text before it is parsed, so the page
 * would no longer be the file that the check read. Without the front-matter
 * hook, Docusaurus's default parser runs `---js` front matter as code.
 */
function refuseRewritingSites(context: LoadContext): void {
  const markdown = context.siteConfig.markdown;
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
}
