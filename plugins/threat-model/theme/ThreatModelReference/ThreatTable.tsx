import {memo, useEffect, useMemo, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {RESPONSIBILITIES, SEVERITIES, STRIDE} from 'docusaurus-plugin-threat-model/client';
import {PAGE_SIZE} from './page-size';
import {Badge, type ReferenceData, type ThreatRow} from './shared';

interface Filters {
  useCase: string;
  stride: string;
  severity: string;
  responsibility: string;
}

const ALL = '';
const NO_FILTER: Filters = {useCase: ALL, stride: ALL, severity: ALL, responsibility: ALL};

export function matches(threat: ThreatRow, f: Filters): boolean {
  return (
    (f.useCase === ALL || threat.useCase === f.useCase) &&
    (f.stride === ALL || threat.stride.includes(f.stride as ThreatRow['stride'][number])) &&
    (f.severity === ALL || threat.severity === f.severity) &&
    (f.responsibility === ALL || threat.responsibility === f.responsibility)
  );
}


/**
 * Every threat is rendered on the server, so the table is complete without
 * JavaScript. Once the page hydrates, a large table shows its first
 * PAGE_SIZE matching rows: a filter change then lays out a few hundred rows,
 * not every threat, and "Show all" lifts the limit.
 */
export function ThreatTable({data}: {data: ReferenceData}): ReactNode {
  const {threats} = data;
  const labels = useMemo(() => new Map(data.useCases.map((m) => [m.id, m.label])), [data]);
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  // Unlimited on the server and in the first client render, so hydration
  // matches the static HTML.
  const [limit, setLimit] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => setLimit(PAGE_SIZE), []);
  const matching = useMemo(() => threats.filter((t) => matches(t, filters)), [threats, filters]);
  const shown = matching.length > limit ? matching.slice(0, limit) : matching;
  const set = (key: keyof Filters) => (event: {target: {value: string}}) => setFilters({...filters, [key]: event.target.value});

  return (
    <section aria-labelledby="threats">
      <Heading as="h2" id="threats">All threats</Heading>
      <form className="tm-filters" aria-label="Filter threats" onSubmit={(e) => e.preventDefault()}>
        <Select label="Use case" value={filters.useCase} onChange={set('useCase')} options={data.useCases.map((m) => [m.id, m.label])} />
        <Select label="STRIDE" value={filters.stride} onChange={set('stride')} options={STRIDE.map((s) => [s, s])} />
        <Select label="Severity" value={filters.severity} onChange={set('severity')} options={SEVERITIES.map((s) => [s, s])} />
        <Select label="Responsibility" value={filters.responsibility} onChange={set('responsibility')} options={RESPONSIBILITIES.map((s) => [s, s])} />
        <button type="button" className="button button--secondary button--sm" onClick={() => setFilters(NO_FILTER)}>Reset</button>
      </form>
      <p className="tm-count" role="status" aria-live="polite">
        Showing {matching.length} of {threats.length} threats.
        {shown.length < matching.length && ` The first ${shown.length} are listed.`}
      </p>
      <div className="tm-table-wrap">
        <table className="tm-threats">
          {/* Fixed column widths: the browser lays out thousands of rows
              without measuring every cell, so filtering repaints quickly. */}
          <colgroup>
            <col style={{width: '7.5rem'}} />
            <col />
            <col style={{width: '9rem'}} />
            <col style={{width: '11rem'}} />
            <col style={{width: '7rem'}} />
            <col style={{width: '9rem'}} />
            <col style={{width: '10rem'}} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Title</th>
              <th scope="col">Use case</th>
              <th scope="col">STRIDE</th>
              <th scope="col">Severity</th>
              <th scope="col">Responsibility</th>
              <th scope="col">Features</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <Row key={t.id} threat={t} useCaseLabel={labels.get(t.useCase) ?? t.useCase} />
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

const Row = memo(function Row({threat, useCaseLabel}: {threat: ThreatRow; useCaseLabel: string}) {
  return (
    <tr data-threat-id={threat.id}>
      <th scope="row"><Link to={threat.url}>{threat.id}</Link></th>
      <td>{threat.title}</td>
      <td>{useCaseLabel}</td>
      <td>{threat.stride.join(', ')}</td>
      <td><Badge kind="severity" value={threat.severity} /></td>
      <td>{threat.responsibility}</td>
      <td>{threat.features.map((f, i) => <span key={f}>{i > 0 && ', '}<code>{f}</code></span>)}</td>
    </tr>
  );
});

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
