import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {responsibilityLabel, statusLabel, useCaseAnchor} from 'docusaurus-plugin-threat-model/client';
import {CodeText, count, PolicyLink, ResponsibilityBadge, SeverityBadge, type RuntimeThreat, type TriageUseCase} from './shared';

/** One use case: its model, the threats that are the runtime's, then what is not the runtime's. */
export function UseCase({useCase, runtime}: {useCase: TriageUseCase; runtime: string}): ReactNode {
  const anchor = useCaseAnchor(useCase.id);
  return (
    <section className="tm-triage__use-case" aria-labelledby={anchor} data-use-case={useCase.id}>
      <Heading as="h2" id={anchor}>{useCase.label}</Heading>
      <ModelState useCase={useCase} />
      <RuntimeThreats useCase={useCase} runtime={runtime} />
      <NotRuntime useCase={useCase} runtime={runtime} />
    </section>
  );
}

function ModelState({useCase}: {useCase: TriageUseCase}): ReactNode {
  return (
    <>
      <p>
        Threat model: <Link to={useCase.url}>{useCase.title}</Link>. Status: {statusLabel(useCase.status)}.
        {useCase.policy && <> Checked against <PolicyLink policy={useCase.policy} />.</>}
      </p>
      {useCase.status === 'draft' && (
        <p className="tm-summary__draft" role="note">
          <strong>Draft.</strong> Not every statement in this model has been checked against its sources yet.
        </p>
      )}
    </>
  );
}

function RuntimeThreats({useCase, runtime}: {useCase: TriageUseCase; runtime: string}): ReactNode {
  const threats = useCase.runtimeThreats;
  return (
    <div className="tm-triage__group" data-group="node">
      <Heading as="h3">
        <ResponsibilityBadge value="node" runtime={runtime} />: {count(threats.length, 'threat')}
      </Heading>
      {threats.length > 0 ? (
        <>
          <p>{responsibilityLabel('node', runtime).long}</p>
          <ul className="tm-triage__threats">
            {threats.map((t) => <RuntimeThreatItem key={t.id} threat={t} />)}
          </ul>
        </>
      ) : (
        <p>This model marks no threat as a {runtime} vulnerability.</p>
      )}
    </div>
  );
}

function RuntimeThreatItem({threat}: {threat: RuntimeThreat}): ReactNode {
  return (
    <li className="tm-triage__threat" data-threat-id={threat.id}>
      <p className="tm-triage__threat-title">
        <Link to={threat.url}>{threat.id}</Link>: {threat.title}
      </p>
      <dl className="tm-triage__facts">
        <dt>Severity</dt>
        <dd><SeverityBadge value={threat.severity} /></dd>
        <dt>Conditions</dt>
        <dd>{threat.conditions || 'The threat model gives no description; see the threat\'s page.'}</dd>
      </dl>
    </li>
  );
}

function NotRuntime({useCase, runtime}: {useCase: TriageUseCase; runtime: string}): ReactNode {
  return (
    <div className="tm-triage__group" data-group="not-node">
      <Heading as="h3">Not a {runtime} vulnerability under this model</Heading>
      {useCase.otherThreats.length === 0 && (
        <p>This model marks no threat as the application&apos;s, the operator&apos;s or the ecosystem&apos;s responsibility.</p>
      )}
      {useCase.otherThreats.map((group) => (
        <div key={group.responsibility} data-responsibility={group.responsibility}>
          <Heading as="h4">
            <ResponsibilityBadge value={group.responsibility} runtime={runtime} />: {count(group.threats.length, 'threat')}
          </Heading>
          <p>{responsibilityLabel(group.responsibility, runtime).long}</p>
          <ul>
            {group.threats.map((t) => (
              <li key={t.id} data-threat-id={t.id}><Link to={t.url}>{t.id}</Link>: {t.title}</li>
            ))}
          </ul>
        </div>
      ))}
      <div data-out-of-scope="">
        <Heading as="h4">Out of scope</Heading>
        {useCase.outOfScope.length > 0 ? (
          <>
            <p>The model leaves these out of scope:</p>
            <ul>
              {useCase.outOfScope.map((item, i) => <li key={i}><CodeText text={item} /></li>)}
            </ul>
          </>
        ) : (
          <p>The model lists nothing as out of scope.</p>
        )}
      </div>
    </div>
  );
}
