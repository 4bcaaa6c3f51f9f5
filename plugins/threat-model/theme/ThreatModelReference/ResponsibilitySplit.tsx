import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import {groupByResponsibility, responsibilityLabel} from 'docusaurus-plugin-threat-model/client';
import {ResponsibilityBadge, ThreatLink, type ReferenceData} from './shared';

export function ResponsibilitySplit({data}: {data: ReferenceData}): ReactNode {
  const {threats} = data;
  return (
    <section aria-labelledby="responsibility">
      <Heading as="h2" id="responsibility">Responsibility split</Heading>
      <p>
        Which threats would be a {data.runtime} vulnerability under the security model, and which belong to the
        application, the operator or the ecosystem.
      </p>
      {groupByResponsibility(threats).map(({responsibility: r, threats: group}) => {
        const label = responsibilityLabel(r, data.runtime);
        return (
          <div key={r} id={`responsibility-${r}`}>
            <Heading as="h3">
              <ResponsibilityBadge value={r} runtime={data.runtime} /> {group.length} threats
            </Heading>
            <p>{label.long}</p>
            {group.length > 0 && (
              <ul>
                {group.map((t) => (
                  <li key={t.id}><ThreatLink threat={t} />: {t.title}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
