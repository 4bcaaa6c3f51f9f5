/**
 * The package's Node.js entry point: the Docusaurus plugin (default export,
 * with `validateOptions`), the `threatModelSite()` helper that wires it into
 * a site, and the API the check is built on. The browser-safe entry, for
 * pages and theme components, is `docusaurus-plugin-threat-model/client`.
 * The implementation lives in `lib/`, one concern per file.
 */
export {default, validateOptions, EXPORT_FILE, EXPORT_SCHEMA_FILE, type LoadedContent} from './lib/plugin';
export {threatModelSite, type ThreatModelSite, type ThreatModelSiteOptions} from './lib/preset';
export {type Options, type PluginOptions} from './lib/options';
export {defineConfig} from './lib/define-config';
export {loadConfig, type Config, type ConfigInput, type Feature, type UseCase} from './lib/config';
export {Diagnostic, RULES, type DiagnosticJson, type Severity} from './lib/diagnostics';
export type {RuleDefinition} from './lib/rules/define';
export {parseThreatModel, type ParseResult} from './lib/parse';
export {buildIndex} from './lib/model-index';
export {analyze, loadThreatModels, type LoadResult} from './lib/load';
export {formatDiagnostic} from './lib/report/text';
export type {Inline, Reference, Threat, ThreatIndex, ThreatModel} from './lib/types';
export {STRIDE, SEVERITIES, RESPONSIBILITIES} from './lib/schema';
