/**
 * What pages read at run time: the site-wide summary (each configured use
 * case with its page, description, review state, threat count and counts by
 * responsibility, the reference and export paths) and
 * one data module per threat-model page with the titles and URLs of the
 * threats it shows from elsewhere and its threats' backlinks from other use
 * cases.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {buildGlobalData, buildPageData, pageDataFile, PLUGIN_NAME} from '../../plugins/threat-model/lib/global-data';
import {analyze} from '../../plugins/threat-model/lib/load';

const config = loadConfig(fixtureConfig);
const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const source = (name: string) => ({file: `threat-models/${name}.md`, bytes: fs.readFileSync(path.join(dir, `${name}.md`))});
const {index} = analyze([source('web'), source('tool')], config);
const {index: webOnly} = analyze([source('web')], config);
const permalinks = {web: '/threat-models/web', tool: '/threat-models/tool'};
const paths = {referencePath: '/reference', exportPath: '/threat-models.json'};

test('PLUGIN_NAME', async (t) => {
  await t.test("should be the plugin package's name", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'plugins', 'threat-model', 'package.json'), 'utf8')) as {name: string};
    assert.equal(PLUGIN_NAME, manifest.name);
    assert.equal(PLUGIN_NAME, 'docusaurus-plugin-threat-model');
  });
});

test('pageDataFile', async (t) => {
  await t.test('should name the data module after the threat-model file without its extension', () => {
    assert.equal(pageDataFile('server.md'), 'page-server.json');
    assert.equal(pageDataFile('web'), 'page-web.json');
    assert.equal(pageDataFile('notes.md.md'), 'page-notes.md.json');
    assert.equal(pageDataFile('md.txt'), 'page-md.txt.json');
  });
});

test('buildGlobalData', async (t) => {
  await t.test('should list every configured use case with its page, description, review state and counts', () => {
    const data = buildGlobalData(buildExport(index, config, permalinks), config, paths);
    assert.deepEqual(data, {
      runtime: 'Node.js',
      referencePath: '/reference',
      exportPath: '/threat-models.json',
      useCases: [
        {
          id: 'web',
          label: 'Web server',
          prefix: 'WEB',
          permalink: '/threat-models/web',
          description: 'Threats to a Node.js process that answers HTTP requests from clients it does not control.',
          status: 'draft',
          lastReviewed: '2026-11-01',
          threats: 3,
          byResponsibility: {node: 1, application: 1, operator: 1, ecosystem: 0},
        },
        {
          id: 'tool',
          label: 'Command-line tool',
          prefix: 'TOOL',
          permalink: '/threat-models/tool',
          description: 'Threats to command-line tools run with Node.js on developer machines.',
          status: 'review',
          lastReviewed: '2026-10-15',
          threats: 2,
          byResponsibility: {node: 0, application: 1, operator: 1, ecosystem: 0},
        },
      ],
    });
  });

  await t.test('should count every responsibility in the same order, so the counts add up to the threats', () => {
    const data = buildGlobalData(buildExport(index, config, permalinks), config, paths);
    for (const u of data.useCases) {
      assert.deepEqual(Object.keys(u.byResponsibility), ['node', 'application', 'operator', 'ecosystem']);
      assert.equal(Object.values(u.byResponsibility).reduce((a, b) => a + b, 0), u.threats);
    }
  });

  await t.test('should give a use case with no valid file no page, no description or review state, and zero counts', () => {
    const data = buildGlobalData(buildExport(webOnly, config, permalinks), config, paths);
    assert.deepEqual(data.useCases[1], {
      id: 'tool',
      label: 'Command-line tool',
      prefix: 'TOOL',
      threats: 0,
      byResponsibility: {node: 0, application: 0, operator: 0, ecosystem: 0},
    });
    for (const key of ['permalink', 'description', 'status', 'lastReviewed']) assert.equal(key in data.useCases[1]!, false, key);
    assert.equal(data.useCases[0]?.threats, 3);
    assert.deepEqual(data.useCases[0]?.byResponsibility, {node: 1, application: 1, operator: 1, ecosystem: 0});
  });

  await t.test('should leave out the page of a model whose URL is empty', () => {
    const data = buildGlobalData(buildExport(index, config, {}), config, paths);
    assert.deepEqual(data.useCases.map((u) => 'permalink' in u), [false, false]);
    assert.deepEqual(data.useCases.map((u) => u.threats), [3, 2]);
  });

  await t.test('should follow the order and labels of the configuration it is given', () => {
    const exported = buildExport(index, config, permalinks);
    const data = buildGlobalData(exported, {runtime: 'Deno', useCases: [{id: 'tool', label: 'CLI', prefix: 'TOOL'}]}, paths);
    assert.deepEqual(data, {
      ...paths,
      runtime: 'Deno',
      useCases: [
        {
          id: 'tool',
          label: 'CLI',
          prefix: 'TOOL',
          permalink: '/threat-models/tool',
          description: 'Threats to command-line tools run with Node.js on developer machines.',
          status: 'review',
          lastReviewed: '2026-10-15',
          threats: 2,
          byResponsibility: {node: 0, application: 1, operator: 1, ecosystem: 0},
        },
      ],
    });
    assert.deepEqual(buildGlobalData(exported, {runtime: 'Node.js', useCases: []}, paths).useCases, []);
  });
});

test('buildPageData', async (t) => {
  await t.test('should give the threats a page names and the backlinks from other use cases', () => {
    assert.deepEqual(buildPageData(index, 'threat-models/web.md', permalinks), {
      threats: {
        'TOOL-01': {title: 'NODE_OPTIONS changes what a tool runs', url: '/threat-models/tool#TOOL-01'},
        'WEB-01': {title: 'Request smuggling between a proxy and the server', url: '/threat-models/web#WEB-01'},
      },
      // WEB-03 names WEB-01 too, but from the same use case: not a backlink.
      backlinks: {'WEB-01': ['TOOL-01']},
    });
    assert.deepEqual(buildPageData(index, 'threat-models/tool.md', permalinks), {
      threats: {'WEB-01': {title: 'Request smuggling between a proxy and the server', url: '/threat-models/web#WEB-01'}},
      backlinks: {'TOOL-01': ['WEB-01']},
    });
  });

  await t.test('should leave out a threat whose use case has no page, but keep its backlink', () => {
    const data = buildPageData(index, 'threat-models/web.md', {web: '/threat-models/web'});
    assert.deepEqual(Object.keys(data.threats), ['WEB-01']);
    assert.deepEqual(data.backlinks, {'WEB-01': ['TOOL-01']});
    assert.deepEqual(buildPageData(index, 'threat-models/web.md', {}).threats, {});
  });

  await t.test('should leave out a Related ID that no model defines', () => {
    const data = buildPageData(webOnly, 'threat-models/web.md', permalinks);
    assert.deepEqual(data, {
      threats: {'WEB-01': {title: 'Request smuggling between a proxy and the server', url: '/threat-models/web#WEB-01'}},
      backlinks: {},
    });
  });

  await t.test('should be empty for a file that has no model', () => {
    assert.deepEqual(buildPageData(index, 'threat-models/missing.md', permalinks), {threats: {}, backlinks: {}});
    assert.deepEqual(buildPageData(webOnly, 'threat-models/tool.md', permalinks), {threats: {}, backlinks: {}});
  });
});
