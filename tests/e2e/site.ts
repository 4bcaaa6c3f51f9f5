/**
 * What the browser tests compare the site against: the sources, read through
 * the same parser and index the site uses.
 */
import path from 'node:path';
import {loadConfig, loadThreatModels} from '../../plugins/threat-model/index';
import contentConfig from '../../threat-model.config';

const siteDir = path.resolve(__dirname, '../..');
export const config = loadConfig(contentConfig);
export const {index} = loadThreatModels(config.dir, config, siteDir);
export const threats = index.models.flatMap((m) => m.threats);
export const threatPages = index.models.map((m) => `/threat-models/${m.useCase}`);

/** One representative URL per page type. */
export const pageTypes: Record<string, string> = {
  home: '/',
  'security-model doc': '/docs/',
  'docs page with code blocks': '/docs/contributing',
  'threat model': '/threat-models/server',
  reference: '/reference',
  search: '/search',
  triage: '/is-this-a-vulnerability',
  changes: '/changes',
  'not found': '/this-page-does-not-exist',
};
