/**
 * The reference page's threat query: reading it from a query string (bad
 * values dropped), writing it back (defaults left out, other parameters
 * kept), the text filter, the sort orders (severity by rank) and the sort
 * toggle; and how a policy revision is shortened.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {ReferenceThreat} from '../../plugins/threat-model/lib/reference-data';
import {shortRevision} from '../../plugins/threat-model/theme/ThreatModelReference/revision';
import {
  DEFAULT_QUERY,
  formatQuery,
  matchesQuery,
  parseQuery,
  queryWords,
  selectThreats,
  toggleSort,
  type ThreatQuery,
} from '../../plugins/threat-model/theme/ThreatModelReference/threat-query';

const USE_CASES = ['web', 'tool'];
const labels = new Map([['web', 'Web server'], ['tool', 'Command-line tool']]);

function threat(id: string, fields: Partial<ReferenceThreat>): ReferenceThreat {
  return {id, title: id, useCase: 'web', url: `/x#${id}`, stride: ['Tampering'], severity: 'low', responsibility: 'node', features: [], ...fields};
}

const THREATS: ReferenceThreat[] = [
  threat('WEB-2', {title: 'Request smuggling between a proxy and the server', severity: 'high', responsibility: 'node', stride: ['Tampering', 'Spoofing']}),
  threat('WEB-10', {title: 'Slow requests exhaust the server', severity: 'medium', responsibility: 'application', stride: ['Denial of service']}),
  threat('WEB-1', {title: 'Header injection', severity: 'critical', responsibility: 'operator'}),
  threat('TOOL-1', {title: 'Untrusted input in a shell command', useCase: 'tool', severity: 'low', responsibility: 'ecosystem'}),
  threat('TOOL-2', {title: 'request files outside the project', useCase: 'tool', severity: 'high', responsibility: 'application'}),
];
const ids = (list: ReferenceThreat[]) => list.map((t) => t.id);
const query = (fields: Partial<ThreatQuery>): ThreatQuery => ({...DEFAULT_QUERY, ...fields});

test('parseQuery', async (t) => {
  await t.test('should read every field', () => {
    assert.deepEqual(parseQuery('?q=smuggling&use-case=web&stride=Information+disclosure&severity=high&responsibility=node&status=accepted&sort=severity&dir=desc', USE_CASES), {
      q: 'smuggling', useCase: 'web', stride: 'Information disclosure', severity: 'high', responsibility: 'node', status: 'accepted', sort: 'severity', dir: 'desc',
    });
  });

  await t.test('should give the default query for an empty query string', () => {
    assert.deepEqual(parseQuery('', USE_CASES), DEFAULT_QUERY);
  });

  await t.test('should drop values the page does not know, keeping the valid ones', () => {
    assert.deepEqual(parseQuery('?severity=severe&use-case=mobile&stride=Spoof&responsibility=user&status=closed&sort=stride&dir=up&q=x', USE_CASES), query({q: 'x'}));
    assert.deepEqual(parseQuery('?severity=HIGH&responsibility=node', USE_CASES), query({responsibility: 'node'}));
  });

  await t.test('should take a direction only with a sort column, and the column\'s first direction without one', () => {
    assert.deepEqual(parseQuery('?dir=desc', USE_CASES), DEFAULT_QUERY);
    assert.deepEqual(parseQuery('?sort=severity', USE_CASES), query({sort: 'severity', dir: 'desc'}));
    assert.deepEqual(parseQuery('?sort=id', USE_CASES), query({sort: 'id', dir: 'asc'}));
    assert.deepEqual(parseQuery('?sort=id&dir=sideways', USE_CASES), query({sort: 'id', dir: 'asc'}));
  });

  await t.test('should trim the text and cap its length', () => {
    assert.equal(parseQuery('?q=%20%20proxy%20', USE_CASES).q, 'proxy');
    assert.equal(parseQuery(`?q=${'a'.repeat(500)}`, USE_CASES).q.length, 200);
  });
});

test('formatQuery', async (t) => {
  await t.test('should leave defaults out, so the default view has no query string', () => {
    assert.equal(formatQuery(DEFAULT_QUERY), '');
    assert.equal(formatQuery(query({q: '   '})), '');
  });

  await t.test('should write the fields in a fixed order', () => {
    assert.equal(
      formatQuery(query({q: 'smuggling', severity: 'high', responsibility: 'node', sort: 'severity', dir: 'desc'})),
      '?q=smuggling&severity=high&responsibility=node&sort=severity&dir=desc',
    );
    assert.equal(formatQuery(query({useCase: 'tool', stride: 'Denial of service'})), '?use-case=tool&stride=Denial+of+service');
  });

  await t.test('should keep parameters it does not own and replace the ones it does', () => {
    assert.equal(formatQuery(query({severity: 'low'}), '?utm=x&severity=high&q=old'), '?utm=x&severity=low');
  });

  await t.test('should round-trip through parseQuery', () => {
    const q = query({q: 'proxy server', useCase: 'web', stride: 'Spoofing', severity: 'critical', responsibility: 'ecosystem', status: 'transferred', sort: 'title', dir: 'desc'});
    assert.deepEqual(parseQuery(formatQuery(q), USE_CASES), q);
  });

  await t.test('should write a risk status filter as status=', () => {
    assert.equal(formatQuery(query({status: 'accepted'})), '?status=accepted');
  });
});

test('risk status filter', async (t) => {
  const tracked = [threat('WEB-1', {status: 'accepted'}), threat('WEB-2', {status: 'open'}), threat('WEB-3', {})];
  await t.test('should keep only the threats in that status, and every threat without the filter', () => {
    assert.deepEqual(ids(selectThreats(tracked, query({status: 'accepted'}), labels)), ['WEB-1']);
    assert.deepEqual(ids(selectThreats(tracked, query({status: 'mitigated'}), labels)), []);
    assert.deepEqual(ids(selectThreats(tracked, DEFAULT_QUERY, labels)), ['WEB-1', 'WEB-2', 'WEB-3']);
  });
});

test('text filter', async (t) => {
  await t.test('should split the text into lower-cased words', () => {
    assert.deepEqual(queryWords('  Request   SMUGGLING '), ['request', 'smuggling']);
    assert.deepEqual(queryWords(''), []);
  });

  await t.test('should match the title case-insensitively', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'REQUEST'}), labels)), ['WEB-2', 'WEB-10', 'TOOL-2']);
  });

  await t.test('should match the ID', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'tool-'}), labels)), ['TOOL-1', 'TOOL-2']);
  });

  await t.test('should need every word, in the ID or the title', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'web server'}), labels)), ['WEB-2', 'WEB-10']);
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'smuggling nowhere'}), labels)), []);
  });

  await t.test('should not match other fields', () => {
    assert.equal(matchesQuery(THREATS[3]!, query({q: 'ecosystem'})), false);
    assert.equal(matchesQuery(THREATS[3]!, query({q: 'Command-line'})), false);
  });

  await t.test('should combine with the other filters', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'request', severity: 'high'}), labels)), ['WEB-2', 'TOOL-2']);
    assert.deepEqual(ids(selectThreats(THREATS, query({q: 'request', severity: 'high', useCase: 'tool'}), labels)), ['TOOL-2']);
    assert.deepEqual(ids(selectThreats(THREATS, query({stride: 'Spoofing'}), labels)), ['WEB-2']);
    assert.deepEqual(ids(selectThreats(THREATS, query({responsibility: 'application'}), labels)), ['WEB-10', 'TOOL-2']);
  });
});

test('sorting', async (t) => {
  await t.test('should keep the models\' order without a sort column', () => {
    assert.deepEqual(ids(selectThreats(THREATS, DEFAULT_QUERY, labels)), ids(THREATS));
  });

  await t.test('should sort severity by rank, not alphabetically', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({sort: 'severity', dir: 'asc'}), labels)), ['TOOL-1', 'WEB-10', 'WEB-2', 'TOOL-2', 'WEB-1']);
    // Descending: critical first; ties (the two highs) keep the models' order.
    assert.deepEqual(ids(selectThreats(THREATS, query({sort: 'severity', dir: 'desc'}), labels)), ['WEB-1', 'WEB-2', 'TOOL-2', 'WEB-10', 'TOOL-1']);
  });

  await t.test('should sort IDs by their number, not character by character', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({sort: 'id', dir: 'asc'}), labels)), ['TOOL-1', 'TOOL-2', 'WEB-1', 'WEB-2', 'WEB-10']);
  });

  await t.test('should sort titles ignoring case', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({sort: 'title', dir: 'asc'}), labels)), ['WEB-1', 'TOOL-2', 'WEB-2', 'WEB-10', 'TOOL-1']);
  });

  await t.test('should sort use cases by the label the table shows', () => {
    assert.deepEqual(ids(selectThreats(THREATS, query({sort: 'useCase', dir: 'asc'}), labels)), ['TOOL-1', 'TOOL-2', 'WEB-2', 'WEB-10', 'WEB-1']);
  });

  await t.test('should sort responsibility in the vocabulary\'s order, the runtime first', () => {
    assert.deepEqual(
      selectThreats(THREATS, query({sort: 'responsibility', dir: 'asc'}), labels).map((th) => th.responsibility),
      ['node', 'application', 'application', 'operator', 'ecosystem'],
    );
  });

  await t.test('should not reorder the array it is given', () => {
    const before = ids(THREATS);
    selectThreats(THREATS, query({sort: 'severity', dir: 'desc'}), labels);
    assert.deepEqual(ids(THREATS), before);
  });
});

test('toggleSort', async (t) => {
  await t.test('should sort a new column in its first direction: severity most severe first, others ascending', () => {
    assert.deepEqual(toggleSort(DEFAULT_QUERY, 'severity'), query({sort: 'severity', dir: 'desc'}));
    assert.deepEqual(toggleSort(query({sort: 'severity', dir: 'asc'}), 'title'), query({sort: 'title', dir: 'asc'}));
  });

  await t.test('should reverse the direction of the column already sorted', () => {
    assert.deepEqual(toggleSort(query({sort: 'id', dir: 'asc'}), 'id'), query({sort: 'id', dir: 'desc'}));
    assert.deepEqual(toggleSort(query({sort: 'id', dir: 'desc'}), 'id'), query({sort: 'id', dir: 'asc'}));
  });

  await t.test('should keep the filters', () => {
    assert.deepEqual(toggleSort(query({q: 'x', severity: 'high'}), 'id'), query({q: 'x', severity: 'high', sort: 'id', dir: 'asc'}));
  });
});

test('shortRevision', async (t) => {
  await t.test('should cut a commit hash to 12 characters', () => {
    assert.equal(shortRevision('004238d77c5ef7d23098b600f76f94d2bf4e2db5'), '004238d77c5e');
  });

  await t.test('should keep a tag, a branch or a short hash whole', () => {
    assert.equal(shortRevision('v24.0.0'), 'v24.0.0');
    assert.equal(shortRevision('main'), 'main');
    assert.equal(shortRevision('004238d'), '004238d');
    assert.equal(shortRevision('release-2026-11-25-build'), 'release-2026-11-25-build');
  });
});
