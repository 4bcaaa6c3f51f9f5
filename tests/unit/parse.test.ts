/**
 * The parser and its helpers: the public API, "did you mean", unsafe HTML,
 * inline Markdown, references, positions, and the real content.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {fromMarkdown} from 'mdast-util-from-markdown';
import type {Paragraph} from 'mdast';
import siteConfig from '../../threat-model.config';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {didYouMean, editDistance, propose, type Diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {analyze, loadThreatModels} from '../../plugins/threat-model/lib/load';
import {cveUrl, cweUrl, parseThreatModel, toInline} from '../../plugins/threat-model/lib/parse';
import {isScriptUrl} from '../../plugins/threat-model/lib/script-url';

const repo = path.join(__dirname, '..', '..');
const fixtures = path.join(repo, 'tests', 'fixtures');
const config = loadConfig(fixtureConfig);
const validWeb = fs.readFileSync(path.join(fixtures, 'shared', 'threat-models', 'web.md'), 'utf8');
const validTool = fs.readFileSync(path.join(fixtures, 'shared', 'threat-models', 'tool.md'), 'utf8');

const brief = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.line}:${d.column} ${d.id.replace('threat-model:', '')}`);

/** Findings about HTML and URLs in `markdown`, written as the prose of WEB-02. */
function htmlMessages(markdown: string): string[] {
  const source = validWeb.replace('A client that sends headers one byte at a time holds a connection open.', markdown);
  return parseThreatModel(source, 'threat-models/web.md', config)
    .diagnostics.filter((d) => /unsafe-html|raw-html/.test(d.id))
    .map((d) => d.message);
}

function paragraph(markdown: string): Paragraph {
  const node = fromMarkdown(markdown).children[0];
  assert.equal(node?.type, 'paragraph');
  return node as Paragraph;
}

test('public API', async (t) => {
  await t.test('should expose the documented names and nothing else', async () => {
    const mod = await import('../../plugins/threat-model/index');
    assert.deepEqual(Object.keys(mod).sort(), [
      'Diagnostic',
      'EXPORT_FILE',
      'EXPORT_SCHEMA_FILE',
      'RESPONSIBILITIES',
      'RULES',
      'SEVERITIES',
      'STRIDE',
      'analyze',
      'buildIndex',
      'default',
      'defineConfig',
      'formatDiagnostic',
      'loadConfig',
      'loadThreatModels',
      'parseThreatModel',
      'threatModelSite',
      'validateOptions',
    ]);
    assert.equal(typeof mod.default, 'function', 'the Docusaurus plugin');
  });
});

test('propose and editDistance', async (t) => {
  await t.test('should count insertions, deletions, substitutions and transpositions', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('Severty', 'Severity'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('ca', 'abc'), 3);
  });

  await t.test('should propose the closest candidate, case-insensitively, keeping its spelling', () => {
    const fields = ['STRIDE', 'Severity', 'Responsibility', 'Mitigations', 'Features', 'Related', 'References'];
    assert.equal(propose('Severty', fields), 'Severity');
    assert.equal(propose('stride', fields), 'STRIDE');
    assert.equal(propose('Refrences', fields), 'References');
    assert.equal(propose('Feature', fields), 'Features');
  });

  await t.test('should propose nothing when no candidate is close enough', () => {
    assert.equal(propose('Impact', ['STRIDE', 'Severity']), undefined);
    assert.equal(propose('ab', ['cd']), undefined);
    assert.equal(propose('anything', []), undefined);
    // The limit is a third of the longer length, at least 1.
    assert.equal(propose('ab', ['ax']), 'ax');
    assert.equal(propose('abcdef', ['abcxyz']), undefined);
    assert.equal(propose('abcdef', ['abcdxy']), 'abcdxy');
  });

  await t.test('should phrase a guess as "did you mean"', () => {
    assert.equal(didYouMean('hihg', ['low', 'high']), 'did you mean "high"?');
    assert.equal(didYouMean('enormous', ['low', 'high']), '');
  });
});

test('unsafe-html', async (t) => {
  await t.test('should flag script schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java&#x09;script:alert(1)',
      'java&#X9script:alert(1)',
      'java&#9;script:alert(1)',
      'java&#10;script:alert(1)',
      'java&Tab;script:alert(1)',
      'java&NewLine;script:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload=alert(1)>',
    ]) {
      assert.equal(isScriptUrl(url), true, JSON.stringify(url));
    }
  });

  await t.test('should allow ordinary links and raster data images', () => {
    for (const url of ['https://nodejs.org/api/', 'http://example.com', 'mailto:a@b.c', './cli.md#CLI-01', '#SRV-01', '/reference', 'data:image/png;base64,iVBORw0KGgo=', 'notjavascript:x']) {
      assert.equal(isScriptUrl(url), false, url);
    }
  });

  await t.test('should not throw on an out-of-range character reference', () => {
    assert.equal(isScriptUrl('&#x110000;javascript:alert(1)'), false);
    assert.equal(isScriptUrl('&#99999999999;'), false);
  });

  await t.test('should find script elements, handlers and script URLs in the Markdown', () => {
    const messages = htmlMessages;
    assert.deepEqual(messages('<script>alert(1)</script>'), ['Raw HTML element <script> is not allowed']);
    assert.deepEqual(messages('<IFRAME src="https://x"></IFRAME>'), ['Raw HTML element <iframe> is not allowed']);
    assert.deepEqual(messages('a <img src="x.png" onerror="alert(1)"> b'), ['Event-handler attribute "onerror" is not allowed']);
    assert.deepEqual(messages('[x](javascript:alert(1))'), ['URL "javascript:alert(1)" uses a script scheme']);
    assert.deepEqual(messages('![x](vbscript:x)'), ['URL "vbscript:x" uses a script scheme']);
    assert.deepEqual(messages('[x][d]\n\n[d]: javascript:alert(1)'), ['URL "javascript:alert(1)" uses a script scheme']);
    assert.deepEqual(messages('<a href="javascript:alert(1)">x</a>'), ['URL "javascript:alert(1)" uses a script scheme']);
    assert.deepEqual(messages("<a href='java&#x09;script:alert(1)'>x</a>"), ['URL "java\\tscript:alert(1)" uses a script scheme']);
  });

  await t.test('should see handlers and URLs that follow `/` or a quote, and quoted values with a tab', () => {
    const messages = htmlMessages;
    // Inside an HTML block the tag need not be valid CommonMark, and browsers parse these.
    const div = 'Raw HTML element <div> is not allowed';
    assert.deepEqual(messages('<div>\n<svg/onload=alert(1)>\n</div>'), [div, 'Event-handler attribute "onload" is not allowed']);
    assert.deepEqual(messages('<div>\n<img src="x"onerror="alert(1)">\n</div>'), [div, 'Event-handler attribute "onerror" is not allowed']);
    assert.deepEqual(messages('<div>\n<a/href="javascript:alert(1)">x</a>\n</div>'), [div, 'URL "javascript:alert(1)" uses a script scheme']);
    assert.deepEqual(messages('<a href="java\tscript:alert(1)">x</a>'), ['URL "java\\tscript:alert(1)" uses a script scheme']);
  });

  await t.test('should show control characters in the message escaped, so it stays on one line', () => {
    assert.deepEqual(htmlMessages('[x](java&#x0A;script:alert(1))'), ['URL "java\\nscript:alert(1)" uses a script scheme']);
  });

  await t.test('should leave safe HTML, comments and links alone', () => {
    assert.deepEqual(htmlMessages('<!-- a comment -->\n\n<kbd>Ctrl</kbd> and <https://nodejs.org> and [docs](https://nodejs.org/api/)\n\n<details title="on going"><summary>x</summary></details>'), []);
  });

  await t.test('should report unsafe HTML at its line and column in the file', () => {
    const source = validWeb.replace('A client that sends headers', 'A client <img src=x onerror=alert(1)> that sends headers');
    const {diagnostics} = parseThreatModel(source, 'threat-models/web.md', config);
    assert.deepEqual(brief(diagnostics), ['55:21 unsafe-html']);
  });
});

test('toInline', async (t) => {
  await t.test('should keep text, code spans and links', () => {
    assert.deepEqual(toInline(paragraph('keep `--flag` and [the docs](https://nodejs.org/api/ "t")').children), [
      {type: 'text', value: 'keep '},
      {type: 'code', value: '--flag'},
      {type: 'text', value: ' and '},
      {type: 'link', url: 'https://nodejs.org/api/', children: [{type: 'text', value: 'the docs'}]},
    ]);
  });

  await t.test('should flatten emphasis and merge the text around it', () => {
    assert.deepEqual(toInline(paragraph('a *b* **c** d').children), [{type: 'text', value: 'a b c d'}]);
    assert.deepEqual(toInline(paragraph('[*x* `y`](https://z)').children), [
      {type: 'link', url: 'https://z', children: [{type: 'text', value: 'x '}, {type: 'code', value: 'y'}]},
    ]);
  });

  await t.test('should turn line endings and hard breaks into spaces and drop raw HTML', () => {
    assert.deepEqual(toInline(paragraph('one\ntwo  \nthree <b>four</b>').children), [{type: 'text', value: 'one two three four'}]);
  });

  await t.test('should keep the text of other inline nodes', () => {
    assert.deepEqual(toInline(paragraph('a &amp; b ![alt](https://i)').children), [{type: 'text', value: 'a & b alt'}]);
  });
});

test('references', async (t) => {
  const source = validWeb.replace(
    '- References: CWE-22',
    '- References: CVE-2024-27982, CWE-22, https://nodejs.org/api/path.html, [Path docs](https://nodejs.org/api/path.html#pathjoinpaths), <https://nodejs.org/en/blog>',
  );
  const {model, diagnostics} = parseThreatModel(source, 'threat-models/web.md', config);

  await t.test('should parse every kind of reference', () => {
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(model?.threats.find((x) => x.id === 'WEB-03')?.references, [
      {kind: 'cve', text: 'CVE-2024-27982', url: 'https://www.cve.org/CVERecord?id=CVE-2024-27982'},
      {kind: 'cwe', text: 'CWE-22', url: 'https://cwe.mitre.org/data/definitions/22.html'},
      {kind: 'url', text: 'https://nodejs.org/api/path.html', url: 'https://nodejs.org/api/path.html'},
      {kind: 'url', text: 'Path docs', url: 'https://nodejs.org/api/path.html#pathjoinpaths'},
      {kind: 'url', text: 'https://nodejs.org/en/blog', url: 'https://nodejs.org/en/blog'},
    ]);
  });

  await t.test('should link CVE IDs to cve.org and CWE IDs to cwe.mitre.org', () => {
    assert.equal(cveUrl('CVE-2025-23084'), 'https://www.cve.org/CVERecord?id=CVE-2025-23084');
    assert.equal(cweUrl('CWE-1357'), 'https://cwe.mitre.org/data/definitions/1357.html');
  });

  await t.test('should point at each invalid reference, and need one valid one', () => {
    const bad = validWeb.replace('- References: CWE-22', '- References: CWE22, see [docs](ftp://x), cve-2024-1');
    // The ftp: link is reported once, as a reference that is not a source.
    assert.deepEqual(brief(parseThreatModel(bad, 'threat-models/web.md', config).diagnostics), [
      '65:15 invalid-reference',
      '65:22 invalid-reference',
      '65:26 invalid-reference',
      '65:43 invalid-reference',
      '65:15 missing-reference',
    ]);
  });
});

test('positions', async (t) => {
  const file = 'threat-models/web.md';

  await t.test('should report a YAML error on the line and column of the mistake', () => {
    const {diagnostics} = parseThreatModel(validWeb.replace('status: draft', 'status: draft\n  extra: value'), file, config);
    assert.deepEqual(brief(diagnostics), ['5:9 yaml-syntax']);
    const {diagnostics: second} = parseThreatModel('---\nuse_case: web\ntitle: a: b\n---\n', file, config);
    assert.deepEqual(brief(second), ['3:8 yaml-syntax']);
  });

  await t.test('should give the same positions with CRLF line endings and a BOM', () => {
    const broken = validWeb.replace('- Severity: critical', '- Severity: critcal').replace('- Features: --permission', '- Features: --permission, --sandbox');
    const lf = parseThreatModel(broken, file, config).diagnostics;
    const crlf = parseThreatModel(`\ufeff${broken.replace(/\n/g, '\r\n')}`, file, config).diagnostics;
    assert.deepEqual(brief(lf), ['60:13 invalid-value', '63:27 unknown-feature']);
    assert.deepEqual(crlf, lf);
  });

  await t.test('should refuse a lone CR as a line ending once, at its position, and read no further', () => {
    const broken = validWeb.replace('- Severity: critical', '- Severity: critcal');
    const cr = broken.replace('use_case: web\n', 'use_case: web\r').replace('- STRIDE: Tampering, Spoofing\n', '- STRIDE: Tampering, Spoofing\r');
    assert.deepEqual(brief(parseThreatModel(cr, file, config).diagnostics), ['2:14 line-ending']);
    assert.deepEqual(brief(parseThreatModel(validWeb.replace(/\n/g, '\r'), file, config).diagnostics), ['1:4 line-ending']);
  });

  await t.test('should keep positions inside a file that ends at its front matter', () => {
    const frontMatter = validWeb.slice(0, validWeb.indexOf('\n---\n') + 4);
    assert.equal(frontMatter.split('\n').length, 8);
    const {diagnostics} = parseThreatModel(frontMatter, file, config);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assert.ok(d.line <= 8, `${d.id} at line ${d.line}`);
    assert.deepEqual(brief(parseThreatModel(`${frontMatter}\n`, file, config).diagnostics).filter((d) => d.endsWith('missing-section')), Array.from({length: 5}, () => '9:1 missing-section'));
  });

  await t.test('should point at each bad entry of a list field', () => {
    const source = validWeb
      .replace('- STRIDE: Tampering, Spoofing', '- STRIDE: Tampering, Spofing, Spoofing')
      .replace('- Related: TOOL-01', '- Related: TOOL-01, TOOL-1, TOOL-1x');
    assert.deepEqual(brief(parseThreatModel(source, file, config).diagnostics), ['36:22 invalid-value', '41:21 malformed-id', '41:29 malformed-id']);
  });

  await t.test('should point a missing section at the section it belongs before, or at the end', () => {
    const noTrust = validWeb.replace(/## Trust\n[\s\S]*?## Assets/, '## Assets');
    assert.deepEqual(brief(parseThreatModel(noTrust, file, config).diagnostics), ['16:1 missing-section']);
    const noOutOfScope = validWeb.replace(/## Out of scope\n[\s\S]*$/, '');
    const {diagnostics} = parseThreatModel(noOutOfScope, file, config);
    assert.deepEqual(brief(diagnostics), [`${noOutOfScope.split('\n').length}:1 missing-section`]);
  });

  await t.test('should blame the section that is out of place', () => {
    // Trust moved to the end: Assets and Threats are still in order.
    const trust = /## Trust\n[\s\S]*?(?=## Assets)/.exec(validWeb)![0];
    const moved = `${validWeb.replace(trust, '')}\n${trust}`;
    const {diagnostics} = parseThreatModel(moved, file, config);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.message, 'Section "## Trust" is out of order');
    assert.equal(diagnostics[0]!.hint, 'Move it before `## Assets`; the order is: Scope, Trust, Assets, Data flows, Threats, Not applicable, Out of scope.');
  });
});

test('analyze', async (t) => {
  await t.test('should report the duplicate use case that the index leaves out', () => {
    // Code-unit order puts `Web/web.md` first; the index sorts with localeCompare.
    const sources = [
      {file: 'threat-models/Web/web.md', bytes: Buffer.from(validWeb.replace(/\{#WEB-0(\d)\}/g, '{#WEB-1$1}').replace(/- Related: .*\n/g, ''))},
      {file: 'threat-models/tool.md', bytes: Buffer.from(validTool)},
      {file: 'threat-models/web.md', bytes: Buffer.from(validWeb)},
    ];
    const {index, diagnostics} = analyze(sources, config);
    assert.equal(index.models.find((m) => m.useCase === 'web')?.file, 'threat-models/web.md');
    assert.deepEqual(
      diagnostics.map((d) => `${d.file} ${d.id} ${d.message}`),
      ['threat-models/Web/web.md threat-model:duplicate-use-case Use case "web" is already modelled in threat-models/web.md'],
    );
  });

  await t.test('should build backlinks from Related across files', () => {
    const {index, diagnostics} = analyze(
      [
        {file: 'threat-models/web.md', bytes: Buffer.from(validWeb)},
        {file: 'threat-models/tool.md', bytes: Buffer.from(validTool)},
      ],
      config,
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(index.backlinks, {'TOOL-01': ['WEB-01'], 'WEB-01': ['WEB-03', 'TOOL-01']});
    assert.deepEqual(index.models.map((m) => m.useCase), ['web', 'tool']);
    assert.deepEqual(index.coverage.web?.Repudiation, {threats: [], notApplicable: "the runtime keeps no audit trail; logging requests is the application's job."});
    assert.deepEqual(index.coverage.web?.Tampering, {threats: ['WEB-01']});
  });
});

test('real threat models', async (t) => {
  const siteConfigValue = loadConfig(siteConfig);
  const {index, diagnostics, files} = loadThreatModels('threat-models', siteConfigValue, repo);

  await t.test('should parse the real folder with no error', () => {
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(files.length, siteConfigValue.useCases.length);
    assert.deepEqual(index.models.map((m) => m.useCase), siteConfigValue.useCases.map((u) => u.id));
  });

  await t.test('should give every threat at least one reference', () => {
    const threats = index.models.flatMap((m) => m.threats);
    assert.ok(threats.length > 0);
    for (const threat of threats) {
      assert.ok(threat.references.length > 0, `${threat.id} has no reference`);
    }
  });
});
