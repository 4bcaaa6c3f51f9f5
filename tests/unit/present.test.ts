/**
 * Presentation helpers shared by threat pages and the reference page:
 * anchors of features and use cases, the badge text of a responsibility,
 * counts per severity and per STRIDE category, and the plain text of
 * inline Markdown with code spans in backticks.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  featureAnchor,
  groupByResponsibility,
  inlineText,
  responsibilityClass,
  responsibilityCounts,
  responsibilityLabel,
  severityCounts,
  severityLabel,
  statusLabel,
  strideCounts,
  useCaseAnchor,
} from '../../plugins/threat-model/lib/present';
import {RESPONSIBILITIES} from '../../plugins/threat-model/lib/vocabulary';

test('present', async (t) => {
  await t.test('should make a feature anchor of lowercase letters, digits and single dashes', () => {
    assert.equal(featureAnchor('--permission'), 'feature-permission');
    assert.equal(featureAnchor('--max-http-header-size'), 'feature-max-http-header-size');
    assert.equal(featureAnchor('headersTimeout'), 'feature-headerstimeout');
    assert.equal(featureAnchor('server.headersTimeout'), 'feature-server-headerstimeout');
    assert.equal(featureAnchor('node:fs  / promises!'), 'feature-node-fs-promises');
    assert.equal(featureAnchor('HTTP2'), 'feature-http2');
    assert.equal(featureAnchor('--'), 'feature-');
  });

  await t.test('should give each responsibility its own badge class, one per value', () => {
    assert.equal(responsibilityClass('node'), 'tm-badge tm-badge--responsibility tm-badge--responsibility-node');
    const classes = RESPONSIBILITIES.map((r) => responsibilityClass(r));
    assert.equal(new Set(classes).size, RESPONSIBILITIES.length);
  });

  await t.test('should group and count threats by responsibility in vocabulary order, empty groups included', () => {
    const threats = [{id: 'A', responsibility: 'operator'}, {id: 'B', responsibility: 'node'}, {id: 'C', responsibility: 'operator'}] as const;
    assert.deepEqual(groupByResponsibility(threats).map((g) => [g.responsibility, g.threats.map((t) => t.id)]), [
      ['node', ['B']], ['application', []], ['operator', ['A', 'C']], ['ecosystem', []],
    ]);
    assert.deepEqual(responsibilityCounts(threats), {node: 1, application: 0, operator: 2, ecosystem: 0});
    assert.deepEqual(Object.keys(responsibilityCounts([])), [...RESPONSIBILITIES]);
  });

  await t.test('should label severities and statuses for readers, never with the raw value', () => {
    assert.deepEqual(['low', 'medium', 'high', 'critical'].map((s) => severityLabel(s as 'low')), ['Low', 'Medium', 'High', 'Critical']);
    assert.equal(statusLabel('draft'), 'Draft');
    assert.equal(statusLabel('review'), 'In review');
    assert.equal(statusLabel('published'), 'Published');
  });

  await t.test('should anchor a use case row by its ID', () => {
    assert.equal(useCaseAnchor('web'), 'use-case-web');
    assert.equal(useCaseAnchor('command-line'), 'use-case-command-line');
  });

  await t.test('should call only a runtime responsibility a vulnerability of the runtime', () => {
    assert.deepEqual(responsibilityLabel('node', 'Node.js'), {
      short: 'Node.js vulnerability',
      long: 'A flaw here is a Node.js vulnerability under its security model.',
    });
    assert.deepEqual(responsibilityLabel('application', 'Deno'), {
      short: 'Application',
      long: "The application's responsibility; not a Deno vulnerability.",
    });
    assert.deepEqual(responsibilityLabel('operator', 'Node.js'), {
      short: 'Operator',
      long: "The operator's responsibility (deployment and configuration); not a Node.js vulnerability.",
    });
    assert.deepEqual(responsibilityLabel('ecosystem', 'Node.js'), {
      short: 'Ecosystem',
      long: "The package ecosystem's or tooling's responsibility; not a Node.js vulnerability.",
    });
    for (const value of RESPONSIBILITIES) assert.match(responsibilityLabel(value, 'Bun').long, /Bun vulnerability/);
  });

  await t.test('should count threats per severity, every severity present and in order', () => {
    assert.deepEqual(severityCounts([]), {low: 0, medium: 0, high: 0, critical: 0});
    const counts = severityCounts([{severity: 'high'}, {severity: 'low'}, {severity: 'high'}, {severity: 'critical'}]);
    assert.deepEqual(counts, {low: 1, medium: 0, high: 2, critical: 1});
    assert.deepEqual(Object.keys(counts), ['low', 'medium', 'high', 'critical']);
  });

  await t.test('should count each STRIDE category a threat names', () => {
    const zero = {
      Spoofing: 0, Tampering: 0, Repudiation: 0, 'Information disclosure': 0, 'Denial of service': 0, 'Elevation of privilege': 0,
    };
    assert.deepEqual(strideCounts([]), zero);
    assert.deepEqual(strideCounts([{stride: []}]), zero);
    const counts = strideCounts([{stride: ['Tampering', 'Spoofing']}, {stride: ['Tampering']}, {stride: ['Elevation of privilege']}]);
    assert.deepEqual(counts, {...zero, Spoofing: 1, Tampering: 2, 'Elevation of privilege': 1});
    assert.deepEqual(Object.keys(counts), Object.keys(zero));
  });

  await t.test('should give the plain text of inline Markdown with code in backticks and link text only', () => {
    assert.equal(inlineText([]), '');
    assert.equal(inlineText([{type: 'text', value: 'plain'}]), 'plain');
    assert.equal(
      inlineText([
        {type: 'text', value: 'run with '},
        {type: 'code', value: '--permission'},
        {type: 'text', value: ', see '},
        {type: 'link', url: 'https://nodejs.org/api/permissions.html', children: [{type: 'text', value: 'the '}, {type: 'code', value: 'fs'}, {type: 'text', value: ' docs'}]},
      ]),
      'run with `--permission`, see the `fs` docs',
    );
    assert.equal(inlineText([{type: 'link', url: 'https://example.com', children: []}]), '');
    assert.equal(inlineText([{type: 'link', url: 'a', children: [{type: 'link', url: 'b', children: [{type: 'code', value: 'x'}]}]}]), '`x`');
  });
});
