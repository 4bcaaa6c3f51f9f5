import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {featureAnchor} from 'docusaurus-plugin-threat-model/client';
import {ThreatLink, type ReferenceData} from './shared';

export function FeatureList({data}: {data: ReferenceData}): ReactNode {
  const threats = new Map(data.threats.map((t) => [t.id, t]));
  // Threat pages link to these anchors; register them so the build's
  // broken-anchor check knows they exist.
  const brokenLinks = useBrokenLinks();
  for (const f of data.features) brokenLinks.collectAnchor(featureAnchor(f.id));
  return (
    <section aria-labelledby="features">
      <Heading as="h2" id="features">Features and the threats they mitigate</Heading>
      <p>{data.runtime} security features, and the threats across use cases that each one helps mitigate.</p>
      <dl className="tm-feature-list">
        {data.features.map((f) => (
          <div key={f.id} id={featureAnchor(f.id)}>
            <dt>
              <code>{f.id}</code>: {f.label}
            </dt>
            <dd>
              <p>
                {f.description} <a href={f.url}>Documentation</a>
              </p>
              {f.mitigates.length > 0 ? (
                <ul>
                  {f.mitigates.map((id) => {
                    const t = threats.get(id)!;
                    return <li key={id}><ThreatLink threat={t} />: {t.title}</li>;
                  })}
                </ul>
              ) : (
                <p className="tm-muted">No threat lists this feature yet.</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
