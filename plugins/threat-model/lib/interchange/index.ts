/**
 * The interchange formats, by the name the CLI and the docs use, with the
 * file the build writes next to `/threat-models.json`.
 */
import type {InterchangeInput} from './common';
import {toCsv} from './csv';
import {toOtm} from './otm';
import {toThreatComposer} from './threat-composer';
import {toTmBom} from './tm-bom';

export type {InterchangeInput} from './common';

export interface InterchangeFormat {
  /** Name for readers, as the reference page links it. */
  label: string;
  /** File name at the site root. */
  file: string;
  /** Media type, for the docs and servers. */
  mediaType: string;
  render: (input: InterchangeInput) => string;
}

function json(build: (input: InterchangeInput) => unknown): (input: InterchangeInput) => string {
  return (input) => `${JSON.stringify(build(input), null, 2)}\n`;
}

export const INTERCHANGE_FORMATS = {
  'otm': {label: 'OTM', file: 'threat-models.otm.json', mediaType: 'application/json', render: json(toOtm)},
  'threat-composer': {label: 'Threat Composer', file: 'threat-models.tc.json', mediaType: 'application/json', render: json(toThreatComposer)},
  'tm-bom': {label: 'TM-BOM', file: 'threat-models.tm-bom.json', mediaType: 'application/json', render: json(toTmBom)},
  'csv': {label: 'CSV', file: 'threat-models.csv', mediaType: 'text/csv', render: toCsv},
} as const satisfies Record<string, InterchangeFormat>;

export type InterchangeFormatName = keyof typeof INTERCHANGE_FORMATS;

export const INTERCHANGE_FORMAT_NAMES = Object.keys(INTERCHANGE_FORMATS) as InterchangeFormatName[];

/** Every format's file name and text, for the build. */
export function renderAll(input: InterchangeInput): Array<{file: string; text: string}> {
  return INTERCHANGE_FORMAT_NAMES.map((name) => ({file: INTERCHANGE_FORMATS[name].file, text: INTERCHANGE_FORMATS[name].render(input)}));
}

/** The reference page's links to the files, under the site's base URL. */
export function interchangeLinks(baseUrl: string): Array<{label: string; path: string}> {
  return INTERCHANGE_FORMAT_NAMES.map((name) => ({label: INTERCHANGE_FORMATS[name].label, path: `${baseUrl}${INTERCHANGE_FORMATS[name].file}`}));
}
