import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {STRIDE} from 'docusaurus-plugin-threat-model/client';
import type {ReferenceData} from './shared';

export function CoverageMatrix({data}: {data: ReferenceData}): ReactNode {
  const {coverage} = data;
  return (
    <section aria-labelledby="coverage">
      <Heading as="h2" id="coverage">Coverage matrix</Heading>
      <p>Use case × STRIDE category. Each cell lists the threats in that category, or says why the category does not apply.</p>
      {/* Below 1200 px each use case becomes a card; the CSS labels its cells from data-stride. */}
      <div className="tm-table-wrap">
        <table className="tm-coverage">
          <thead>
            <tr>
              <th scope="col">Use case</th>
              {STRIDE.map((c) => <th scope="col" key={c}>{c}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.useCases.map((m) => (
              <tr key={m.id}>
                <th scope="row"><Link to={m.url}>{m.label}</Link></th>
                {STRIDE.map((c) => {
                  const cell = coverage[m.id]?.[c];
                  const ids = cell?.threats ?? [];
                  return (
                    <td key={c} data-use-case={m.id} data-stride={c}>
                      {ids.length > 0 ? (
                        ids.map((id, i) => (
                          <span key={id}>
                            {i > 0 && ', '}
                            <Link to={`${m.url}#${id}`} className="tm-id">{id}</Link>
                          </span>
                        ))
                      ) : cell?.notApplicable ? (
                        <span><strong>Not applicable:</strong> {cell.notApplicable}</span>
                      ) : (
                        <strong>Gap</strong>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
