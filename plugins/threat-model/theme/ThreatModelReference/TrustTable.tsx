import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {CodeText, type ReferenceData} from './shared';

export function TrustTable({data}: {data: ReferenceData}): ReactNode {
  return (
    <section aria-labelledby="trust">
      <Heading as="h2" id="trust">Trust by use case</Heading>
      <p>What {data.runtime} trusts in each use case, and what it does not.</p>
      <div className="tm-table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Use case</th>
              <th scope="col">Trusted</th>
              <th scope="col">Untrusted</th>
            </tr>
          </thead>
          <tbody>
            {data.useCases.map((m) => (
              <tr key={m.id}>
                <th scope="row"><Link to={m.url}>{m.label}</Link></th>
                <td><ul>{m.trusted.map((t, i) => <li key={i}><CodeText text={t} /></li>)}</ul></td>
                <td><ul>{m.untrusted.map((t, i) => <li key={i}><CodeText text={t} /></li>)}</ul></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
