import {memo, useMemo, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {RESPONSIBILITIES, SEVERITIES, STRIDE} from '@site/plugins/threat-model/lib/vocabulary';
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
 * JavaScript; the filters only hide rows. Rows are memoised so a filter
 * change re-renders only the rows whose visibility changed.
 */
export function ThreatTable({data}: {data: ReferenceData}): ReactNode {
  const {threats} = data;
  const labels = useMemo(() => new Map(data.useCases.map((m) => [m.id, m.label])), [data]);
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const visible = threats.filter((t) => matches(t, filters)).length;
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
        Showing {visible} of {threats.length} threats.
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
            {threats.map((t) => (
              <Row key={t.id} threat={t} useCaseLabel={labels.get(t.useCase) ?? t.useCase} hidden={!matches(t, filters)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const Row = memo(function Row({threat, useCaseLabel, hidden}: {threat: ThreatRow; useCaseLabel: string; hidden: boolean}) {
  return (
    <tr data-threat-id={threat.id} hidden={hidden}>
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
