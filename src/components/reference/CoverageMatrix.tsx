import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {STRIDE} from '@site/plugins/threat-model/lib/vocabulary';
import type {CoverageCell} from '@site/plugins/threat-model/lib/types';
import type {ExportData} from './shared';

export function CoverageMatrix({data, coverage}: {data: ExportData; coverage: Record<string, Record<string, CoverageCell>>}): ReactNode {
  return (
    <section aria-labelledby="coverage">
      <Heading as="h2" id="coverage">Coverage matrix</Heading>
      <p>Use case × STRIDE category. Each cell lists the threats in that category, or says why the category does not apply.</p>
      <div className="tm-table-wrap">
        <table className="tm-coverage">
          <thead>
            <tr>
              <th scope="col">Use case</th>
              {STRIDE.map((c) => <th scope="col" key={c}>{c}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.models.map((m) => (
              <tr key={m.useCase}>
                <th scope="row"><Link to={m.url}>{m.label}</Link></th>
                {STRIDE.map((c) => {
                  const cell = coverage[m.useCase]?.[c];
                  const ids = cell?.threats ?? [];
                  return (
                    <td key={c} data-use-case={m.useCase} data-stride={c}>
                      {ids.length > 0 ? (
                        ids.map((id, i) => (
                          <span key={id}>
                            {i > 0 && ', '}
                            <Link to={`${m.url}#${id}`}>{id}</Link>
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
