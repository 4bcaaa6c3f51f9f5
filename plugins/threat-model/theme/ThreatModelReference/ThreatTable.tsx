import {Fragment, memo, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {RESPONSIBILITIES, RISK_STATUSES, SEVERITIES, STRIDE, responsibilityLabel, riskStatusCounts, riskStatusLabel, severityLabel} from 'docusaurus-plugin-threat-model/client';
import {isSkipRegion} from './keep-focus';
import {PAGE_SIZE} from './page-size';
import {ResponsibilityBadge, SeverityBadge, type ReferenceData, type ThreatRow} from './shared';
import {DEFAULT_QUERY, selectThreats, toggleSort, type SortKey, type ThreatQuery} from './threat-query';
import {useThreatQuery, type HistoryMode} from './useThreatQuery';

const ALL = '';

/**
 * Every threat is rendered on the server, so the table is complete without
 * JavaScript. Once the page hydrates, the query in the URL (text, filters,
 * sort) applies, and a large table shows its first PAGE_SIZE matching rows:
 * a change then lays out a few hundred rows, not every threat, and
 * "Show all" lifts the limit.
 *
 * Below 1200 px the rows become cards (css/threat-model.css, "Reference
 * page"); the CSS labels each card's fields by column position, so a change
 * to the column order here changes the labels there.
 */
export function ThreatTable({data}: {data: ReferenceData}): ReactNode {
  const {threats, runtime} = data;
  const labels = useMemo(() => new Map(data.useCases.map((m) => [m.id, m.label])), [data]);
  const useCaseIds = useMemo(() => data.useCases.map((m) => m.id), [data]);
  const [query, update] = useThreatQuery(useCaseIds);
  // Unlimited on the server and in the first client render, so hydration
  // matches the static HTML.
  const [limit, setLimit] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => setLimit(PAGE_SIZE), []);
  const matching = useMemo(() => selectThreats(threats, query, labels), [threats, query, labels]);
  // Only a site that tracks risks (some threat has a Status) shows the status filter and counts.
  const tracksRisks = useMemo(() => threats.some((t) => t.status !== undefined), [threats]);
  const shown = matching.length > limit ? matching.slice(0, limit) : matching;

  // Typing is one step in the history: its first keystroke pushes, the rest
  // replace, until the field loses focus (not to Docusaurus's focus reset,
  // see keep-focus.ts) or another control changes.
  const typing = useRef(false);
  const change = (next: ThreatQuery, mode: HistoryMode = 'push') => {
    typing.current = false;
    update(next, mode);
  };
  const type = (q: string) => {
    const mode = typing.current ? 'replace' : 'push';
    update({...query, q}, mode);
    typing.current = true;
  };
  const select = (key: 'useCase' | 'stride' | 'severity' | 'responsibility' | 'status') => (event: {target: {value: string}}) =>
    change({...query, [key]: event.target.value});
  const sort = (key: SortKey) => change(toggleSort(query, key));

  return (
    <section aria-labelledby="threats">
      <Heading as="h2" id="threats">All threats</Heading>
      <form className="tm-filters" aria-label="Filter threats" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="tm-filters__text">
          ID or title contains
          <input type="search" value={query.q} onChange={(e) => type(e.target.value)} onBlur={(e) => { if (!isSkipRegion(e.relatedTarget)) typing.current = false; }} autoComplete="off" spellCheck={false} />
        </label>
        <Select label="Use case" value={query.useCase} onChange={select('useCase')} options={data.useCases.map((m) => [m.id, m.label])} />
        <Select label="STRIDE" value={query.stride} onChange={select('stride')} options={STRIDE.map((s) => [s, s])} />
        <Select label="Severity" value={query.severity} onChange={select('severity')} options={SEVERITIES.map((s) => [s, severityLabel(s)])} />
        <Select label="Responsibility" value={query.responsibility} onChange={select('responsibility')} options={RESPONSIBILITIES.map((r) => [r, responsibilityLabel(r, runtime).short])} />
        {tracksRisks && <Select label="Risk status" value={query.status} onChange={select('status')} options={RISK_STATUSES.map((s) => [s, riskStatusLabel(s)])} />}
        <button type="button" className="button button--secondary button--sm" onClick={() => change(DEFAULT_QUERY)}>Reset</button>
      </form>
      <noscript>
        <p className="tm-muted">Filtering and sorting need JavaScript; every threat is listed below.</p>
      </noscript>
      {tracksRisks && <RiskCounts threats={threats} />}
      <p className="tm-count" role="status" aria-live="polite">
        Showing {matching.length} of {threats.length} threats.
        {shown.length < matching.length && ` The first ${shown.length} are listed.`}
      </p>
      <div className="tm-table-wrap">
        <table className="tm-threats">
          {/* Fixed column widths: the browser lays out thousands of rows
              without measuring every cell, so filtering repaints quickly. */}
          <colgroup>
            <col className="tm-threats__id" />
            <col />
            <col className="tm-threats__use-case" />
            <col className="tm-threats__stride" />
            <col className="tm-threats__severity" />
            <col className="tm-threats__responsibility" />
            <col className="tm-threats__features" />
          </colgroup>
          <thead>
            <tr>
              <SortHeader label="ID" column="id" query={query} onSort={sort} />
              <SortHeader label="Title" column="title" query={query} onSort={sort} />
              <SortHeader label="Use case" column="useCase" query={query} onSort={sort} />
              <th scope="col" className="tm-unsorted">STRIDE</th>
              <SortHeader label="Severity" column="severity" query={query} onSort={sort} />
              <SortHeader label="Responsibility" column="responsibility" query={query} onSort={sort} />
              <th scope="col" className="tm-unsorted">Features</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <Row key={t.id} threat={t} useCaseLabel={labels.get(t.useCase) ?? t.useCase} runtime={runtime} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < matching.length && (
        <button type="button" className="button button--secondary" onClick={() => setLimit(Number.POSITIVE_INFINITY)}>
          Show all {matching.length} threats
        </button>
      )}
    </section>
  );
}

/** A column header that sorts by its column; `aria-sort` says the current order. */
function SortHeader({label, column, query, onSort}: {label: string; column: SortKey; query: ThreatQuery; onSort: (key: SortKey) => void}): ReactNode {
  const active = query.sort === column;
  const ariaSort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  // The arrow repeats aria-sort for sighted readers; screen readers hear aria-sort.
  const arrow = active ? (query.dir === 'asc' ? '▲' : '▼') : '↕';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="tm-sort" data-sort={column} onClick={() => onSort(column)}>
        {label}
        <span className={active ? 'tm-sort__arrow tm-sort__arrow--active' : 'tm-sort__arrow'} aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}

/** One threat. Cell order is the column order, which the card layout's labels rely on. */
const Row = memo(function Row({threat, useCaseLabel, runtime}: {threat: ThreatRow; useCaseLabel: string; runtime: string}) {
  return (
    <tr data-threat-id={threat.id}>
      <th scope="row"><Link to={threat.url} className="tm-id">{threat.id}</Link></th>
      <td>{threat.title}{threat.status && <> <RiskStatusBadge value={threat.status} /></>}</td>
      <td>{useCaseLabel}</td>
      <td>{threat.stride.join(', ')}</td>
      <td><SeverityBadge value={threat.severity} /></td>
      <td><ResponsibilityBadge value={threat.responsibility} runtime={runtime} /></td>
      <td>{threat.features.map((f, i) => <Fragment key={f}>{i > 0 && ' '}<code>{f}</code></Fragment>)}</td>
    </tr>
  );
});

/** How many threats are in each risk status, over all use cases. */
function RiskCounts({threats}: {threats: readonly ThreatRow[]}): ReactNode {
  const counts = riskStatusCounts(threats);
  return (
    <p className="tm-risk-counts">
      Tracked risks:{' '}
      {RISK_STATUSES.map((s, i) => <Fragment key={s}>{i > 0 && ', '}{counts[s]} {riskStatusLabel(s).toLowerCase()}</Fragment>)}
      {counts.none > 0 && `; ${counts.none} not tracked`}.
    </p>
  );
}

function RiskStatusBadge({value}: {value: NonNullable<ThreatRow['status']>}): ReactNode {
  return <span className={`tm-badge tm-badge--risk tm-badge--risk-${value}`}>{riskStatusLabel(value)}</span>;
}

function Select({label, value, onChange, options}: {
  label: string;
  value: string;
  onChange: (event: {target: {value: string}}) => void;
  options: Array<[string, string]>;
}): ReactNode {
  return (
    <label>
      {label}
      <select value={value} onChange={onChange}>
        <option value={ALL}>All</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}
