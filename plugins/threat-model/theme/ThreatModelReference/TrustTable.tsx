import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {useCaseAnchor} from 'docusaurus-plugin-threat-model/client';
import {CodeText, type ReferenceData, type ReferenceUseCase} from './shared';
import {useOpenOnHash} from './useOpenOnHash';

/**
 * What the runtime trusts in each use case, one closed `<details>` per use
 * case so that the lists do not push the rest of the page down; its summary
 * gives the counts. `#use-case-<id>` names the entry, and opens it.
 */
export function TrustTable({data}: {data: ReferenceData}): ReactNode {
  // Threat pages may link to these anchors; register them for the build's broken-anchor check.
  const brokenLinks = useBrokenLinks();
  for (const m of data.useCases) brokenLinks.collectAnchor(useCaseAnchor(m.id));
  useOpenOnHash();
  return (
    <section aria-labelledby="trust">
      <Heading as="h2" id="trust">Trust by use case</Heading>
      <p>What {data.runtime} trusts in each use case, and what it does not. Open a use case to see the lists.</p>
      <div className="tm-trust">
        {data.useCases.map((m) => <TrustEntry key={m.id} model={m} />)}
      </div>
    </section>
  );
}

function TrustEntry({model}: {model: ReferenceUseCase}): ReactNode {
  return (
    <details id={useCaseAnchor(model.id)} className="tm-trust__entry">
      <summary>
        <span className="tm-trust__label">{model.label}</span>{' '}
        <span className="tm-trust__counts">{model.trusted.length} trusted, {model.untrusted.length} untrusted</span>
      </summary>
      <div className="tm-trust__body">
        <TrustList title="Trusted" items={model.trusted} />
        <TrustList title="Untrusted" items={model.untrusted} />
        <p className="tm-trust__more"><Link to={model.url}>The {model.label} threat model</Link></p>
      </div>
    </details>
  );
}

function TrustList({title, items}: {title: string; items: string[]}): ReactNode {
  return (
    <div>
      <p className="tm-trust__heading"><strong>{title}</strong></p>
      {items.length > 0 ? (
        <ul>{items.map((t, i) => <li key={i}><CodeText text={t} /></li>)}</ul>
      ) : (
        <p className="tm-muted">None listed.</p>
      )}
    </div>
  );
}
