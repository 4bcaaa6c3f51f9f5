import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {PolicyLink, type TriageData} from './shared';

/** How to use the page, which policy wins, and where the same data is for tools. */
export function Lead({data}: {data: TriageData}): ReactNode {
  const {runtime} = data;
  return (
    <div className="tm-triage__lead">
      <p>
        For people who report or triage security issues. For each use case, this page lists the threats that its
        threat model marks as {runtime}&apos;s responsibility, where a flaw would be a {runtime} vulnerability; then the
        threats it marks as the application&apos;s, the operator&apos;s or the ecosystem&apos;s, and what it leaves out of
        scope. It is generated from the {data.useCases.length} threat models.
      </p>
      <ol>
        <li>Find the use case that matches how the report uses {runtime}.</li>
        <li>
          Compare the report with the conditions of each threat listed as a {runtime} vulnerability. The conditions
          shown are the first paragraph of the threat&apos;s description; its page has the rest.
        </li>
        <li>
          If the report matches only threats that the model marks as another party&apos;s responsibility, or items it
          leaves out of scope, the model does not treat it as a {runtime} vulnerability.
        </li>
        <li>If nothing here matches, this page does not decide: the security policy does.</li>
      </ol>
      <PolicyNote data={data} />
      <p>
        For triage tools, the same data is available as JSON: <a href={data.exportPath}>threat-models.json</a> (
        <a href={data.schemaPath}>JSON Schema</a>). Every threat, with its STRIDE categories and features, is on the{' '}
        <Link to={data.referencePath}>security-model reference</Link>.
      </p>
    </div>
  );
}

function PolicyNote({data}: {data: TriageData}): ReactNode {
  const {runtime, policies, useCases} = data;
  const wins = `Where this page differs from ${runtime}'s own security policy, the policy wins.`;
  if (policies.length === 0) return <p>{wins}</p>;
  const [only] = policies;
  if (only && policies.length === 1 && useCases.every((u) => u.policy)) {
    return <p>{wins} Every threat model here was checked against <PolicyLink policy={only} />.</p>;
  }
  return <p>{wins} Each use case below names the revision of the policy its model was checked against, if any.</p>;
}
