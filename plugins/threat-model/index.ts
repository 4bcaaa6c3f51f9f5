/**
 * Public face of the threat-model generator. The implementation lives in
 * `lib/`, one concern per file.
 */
export {defineConfig} from './lib/define-config';
export {loadConfig, type Config, type ConfigInput, type Feature, type UseCase} from './lib/config';
export {type Diagnostic, RULES} from './lib/diagnostics';
export {parseThreatModel, type ParseResult} from './lib/parse';
export {buildIndex} from './lib/model-index';
export {analyze, loadThreatModels, type LoadResult} from './lib/load';
export {formatDiagnostic} from './lib/report/text';
export type {Inline, Reference, Threat, ThreatIndex, ThreatModel} from './lib/types';
export {STRIDE, SEVERITIES, RESPONSIBILITIES} from './lib/schema';
