import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {StatusBadge, type ReferenceData, type ReferenceUseCase} from './shared';
import {shortRevision} from './revision';

/**
 * Each model's review state: how far along it is, when and by whom it was
 * last reviewed, and the revision of the runtime's security policy it was
 * checked against. Below 768 px each row becomes a card, its fields
 * labelled by the CSS in column order.
 */
export function ModelTable({data}: {data: ReferenceData}): ReactNode {
  const withPolicy = data.useCases.some((m) => m.policy);
  return (
    <section aria-labelledby="models">
      <Heading as="h2" id="models">Threat models and their review</Heading>
      <p>Where a model says something different from the runtime&apos;s own security policy, the policy wins.</p>
      <div className="tm-table-wrap">
        <table className="tm-models">
          <thead>
            <tr>
              <th scope="col">Use case</th>
              <th scope="col">Status</th>
              <th scope="col">Last reviewed</th>
              <th scope="col">Owners</th>
              {withPolicy && <th scope="col">Checked against</th>}
            </tr>
          </thead>
          <tbody>
            {data.useCases.map((m) => <ModelRow key={m.id} model={m} withPolicy={withPolicy} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ModelRow({model, withPolicy}: {model: ReferenceUseCase; withPolicy: boolean}): ReactNode {
  return (
    <tr data-use-case={model.id}>
      <th scope="row"><Link to={model.url}>{model.label}</Link></th>
      <td><StatusBadge value={model.status} /></td>
      <td><time dateTime={model.lastReviewed}>{model.lastReviewed}</time></td>
      {/* One child per cell: the card layout puts the label and the value side by side. */}
      <td><span>{model.owners.map((o, i) => <span key={o} className="tm-owner">{i > 0 && ', '}{o}</span>)}</span></td>
      {withPolicy && (
        <td>
          {model.policy ? (
            <a href={model.policy.url}>{model.policy.label} at <code>{shortRevision(model.policy.revision)}</code></a>
          ) : (
            <span className="tm-muted">Not recorded</span>
          )}
        </td>
      )}
    </tr>
  );
}
