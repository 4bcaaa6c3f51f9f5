/**
 * The order of search results: sections by match, an exact threat-ID query's
 * own section first and once, each URL once.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {rankResults, SECTIONS_PER_PAGE, threatIdOfQuery, type PageResult, type SectionResult} from '../../src/plugins/search/client/rank';

const section = (url: string, title: string, score: number): SectionResult => ({
  url,
  title,
  excerpt: `${title} <mark>x</mark>`,
  weighted_locations: [{weight: 1, balanced_score: score, location: 0}],
});
const server: PageResult = {
  url: '/threat-models/server',
  excerpt: 'server',
  meta: {title: 'Server'},
  sub_results: [
    section('/threat-models/server#at-a-glance', 'At a glance', 30),
    section('/threat-models/server#SRV-01', 'SRV-01 · Request smuggling\u200b', 20),
    section('/threat-models/server#SRV-02', 'SRV-02 · Slow clients', 10),
    section('/threat-models/server#SRV-03', 'SRV-03 · Other', 5),
  ],
};
const desktop: PageResult = {
  url: '/threat-models/desktop',
  excerpt: 'desktop',
  meta: {title: 'Desktop application'},
  sub_results: [section('/threat-models/desktop#DSK-04', 'DSK-04 · Related: SRV-01', 50)],
};

test('threatIdOfQuery: a whole query of PREFIX-NN is a threat ID, in any case and spacing', () => {
  assert.equal(threatIdOfQuery('SRV-01'), 'SRV-01');
  assert.equal(threatIdOfQuery('  cicd-12 '), 'CICD-12');
  assert.equal(threatIdOfQuery('SRV-01 smuggling'), undefined);
  assert.equal(threatIdOfQuery('SRV'), undefined);
  assert.equal(threatIdOfQuery('-01'), undefined);
});

test('rankResults: an ID query puts that threat section first, even when other pages and sections rank higher', () => {
  const hits = rankResults('srv-01', [desktop, server]);
  assert.equal(hits[0]!.url, '/threat-models/server#SRV-01');
  assert.equal(hits[0]!.sectionTitle, 'SRV-01 · Request smuggling');
  assert.equal(hits[0]!.pageTitle, 'Server');
  assert.equal(hits.filter((h) => h.url === '/threat-models/server#SRV-01').length, 1);
  assert.deepEqual(hits.slice(1).map((h) => h.url), [
    '/threat-models/desktop#DSK-04',
    '/threat-models/server#at-a-glance',
    '/threat-models/server#SRV-02',
  ]);
});

test('rankResults: the ID section is found even when it is not among its page best sections', () => {
  const hits = rankResults('SRV-03', [server]);
  assert.equal(hits[0]!.url, '/threat-models/server#SRV-03');
  assert.equal(hits.length, SECTIONS_PER_PAGE + 1);
});

test('rankResults: a word query keeps Pagefind page order, sections by score, at most three per page', () => {
  const hits = rankResults('smuggling', [server, desktop]);
  assert.deepEqual(hits.map((h) => h.url), [
    '/threat-models/server#at-a-glance',
    '/threat-models/server#SRV-01',
    '/threat-models/server#SRV-02',
    '/threat-models/desktop#DSK-04',
  ]);
});

test('rankResults: more sections per page when asked (the search page)', () => {
  assert.equal(rankResults('x', [server], 10).length, server.sub_results!.length);
  assert.equal(rankResults('x', [server], 1).length, 1);
});

test('rankResults: a URL listed twice (also with a trailing slash) is shown once, where it ranks best', () => {
  const twice: PageResult = {
    url: '/docs/',
    excerpt: 'e',
    meta: {title: 'Docs'},
    sub_results: [section('/docs/#a', 'A', 3), section('/docs#a', 'A again', 2), section('/docs/', 'Docs', 1)],
  };
  const hits = rankResults('a', [twice, {...twice}]);
  assert.deepEqual(hits.map((h) => [h.url, h.sectionTitle]), [
    ['/docs/#a', 'A'],
    ['/docs/', 'Docs'],
  ]);
});

test('rankResults: a page without sections stands for itself; a missing title falls back to the URL', () => {
  assert.deepEqual(rankResults('x', [{url: '/docs/x', excerpt: '<mark>x</mark>', meta: {}}]), [
    {url: '/docs/x', pageTitle: '/docs/x', sectionTitle: '/docs/x', excerpt: '<mark>x</mark>'},
  ]);
});

test('rankResults: an ID that no page has as a section leaves the order as it is', () => {
  assert.deepEqual(
    rankResults('SRV-99', [desktop]).map((h) => h.url),
    ['/threat-models/desktop#DSK-04'],
  );
  assert.deepEqual(rankResults('SRV-01', []), []);
});
