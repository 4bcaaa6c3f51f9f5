/**
 * What the interchange tests share: the inputs (the fixture site and the
 * real five models) and a validator for a schema under `schemas/interchange/`,
 * compiled for the JSON Schema draft the schema declares.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv, {type ValidateFunction} from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import siteConfig from '../../threat-model.config';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type Config} from '../../plugins/threat-model/lib/config';
import type {InterchangeInput} from '../../plugins/threat-model/lib/interchange';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';

export const repo = path.join(__dirname, '..', '..');

function inputOf(siteDir: string, config: Config): InterchangeInput {
  const {index, diagnostics} = loadThreatModels('threat-models', config, siteDir);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const permalinks = Object.fromEntries(config.useCases.map((u) => [u.id, `/threat-models/${u.id}`]));
  return {index, config, permalinks, siteUrl: 'https://example.org'};
}

/** The fixture site (two models, one with data flows) and the real content, by name. */
export function inputs(): Array<[string, InterchangeInput]> {
  return [
    ['the fixture', inputOf(path.join(repo, 'tests', 'fixtures', 'shared'), loadConfig(fixtureConfig))],
    ['the real content', inputOf(repo, loadConfig(siteConfig))],
  ];
}

export function fixtureInput(): InterchangeInput {
  return inputs()[0]![1];
}

/** A deep copy, for tests that change a threat without touching the shared input. */
export function copyOf(input: InterchangeInput): InterchangeInput {
  return {...input, index: structuredClone(input.index)};
}

export function validatorFor(file: string): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas', 'interchange', file), 'utf8')) as {$schema?: string};
  const ajv = schema.$schema?.includes('2020-12') ? new Ajv2020({allErrors: true}) : new Ajv({allErrors: true});
  addFormats(ajv);
  return ajv.compile(schema);
}

export function assertValid(validate: ValidateFunction, document: unknown): void {
  assert.ok(validate(document), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}
