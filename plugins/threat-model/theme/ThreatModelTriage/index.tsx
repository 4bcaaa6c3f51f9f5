/**
 * The generated triage page, "Is this a Node.js vulnerability?": for each
 * use case, the threats that would be a vulnerability in the runtime, with
 * their conditions, then the threats that are someone else's and what the
 * model leaves out of scope. Static: everything is in the HTML. Data comes
 * from route props, built from the JSON export by lib/triage-data.ts.
 */
import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {useCaseAnchor} from 'docusaurus-plugin-threat-model/client';
import {Lead} from './Lead';
import {UseCase} from './UseCase';
import type {TriageData} from './shared';

export default function TriagePage({triage}: {triage: TriageData}): ReactNode {
  const {runtime} = triage;
  const title = `Is this a ${runtime} vulnerability?`;
  return (
    <Layout title={title} description={`For each ${runtime} use case: the threats that would be a ${runtime} vulnerability, and what is not.`}>
      <main className="container margin-vert--lg tm-triage">
        <Heading as="h1">{title}</Heading>
        <Lead data={triage} />
        <nav aria-label="Use cases">
          <ul>
            {triage.useCases.map((u) => <li key={u.id}><a href={`#${useCaseAnchor(u.id)}`}>{u.label}</a></li>)}
          </ul>
        </nav>
        {triage.useCases.map((u) => <UseCase key={u.id} useCase={u} runtime={runtime} />)}
      </main>
    </Layout>
  );
}
