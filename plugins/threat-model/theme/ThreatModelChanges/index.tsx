/**
 * The generated Changes page: per commit that touched the threat-model
 * folder, newest first, what the model diff reports between the commit and
 * its parent. Static; the data comes from route props built from the git
 * history at build time (lib/history.ts). Commit subjects and threat titles
 * are contributed text and reach the page only as text nodes.
 */
import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import type {ChangesData, ChangesEntry, ChangesLine} from 'docusaurus-plugin-threat-model/client';

export default function ChangesPage({changes, referencePath}: {changes: ChangesData; referencePath: string}): ReactNode {
  const title = 'Changes to the threat models';
  return (
    <Layout title={title} description={`What changed in the ${changes.runtime} threat models, commit by commit.`}>
      <main className="container margin-vert--lg tm-changes">
        <Heading as="h1">{title}</Heading>
        <p>
          Each commit that changed the files in <code>{changes.dir}/</code>, newest first, with what changed in its
          threats: added, removed and renamed threats, changed severity, responsibility, STRIDE categories, status and
          references, and coverage cells of the STRIDE matrix. Changes to prose alone are not listed. Every threat as
          it is now is on the <Link to={referencePath}>security-model reference</Link>. To see what a branch changes,
          run <code>npm run diff -- origin/main</code>.
        </p>
        {changes.available ? <History changes={changes} /> : (
          <p className="tm-changes__missing" role="note" data-history="missing">
            <strong>No history.</strong> {changes.reason}
          </p>
        )}
      </main>
    </Layout>
  );
}

function History({changes}: {changes: Extract<ChangesData, {available: true}>}): ReactNode {
  return (
    <>
      <p data-history="present">
        {changes.entries.length === 0
          ? 'No commit has changed the threat models yet.'
          : `The last ${changes.entries.length} ${changes.entries.length === 1 ? 'commit' : 'commits'} that changed them (at most ${changes.limit}), generated from the git history when the site was built.`}
        {changes.shallow && ' The site was built from a shallow clone, so older commits are missing.'}
      </p>
      {changes.entries.map((entry) => <Entry key={entry.hash} entry={entry} />)}
    </>
  );
}

function Entry({entry}: {entry: ChangesEntry}): ReactNode {
  const short = entry.hash.slice(0, 7);
  return (
    <section className="tm-changes__commit" aria-labelledby={`commit-${short}`} data-commit={entry.hash}>
      <Heading as="h2" id={`commit-${short}`}>{entry.subject}</Heading>
      <p className="tm-changes__meta">
        <time dateTime={entry.date}>{entry.date}</time>, commit <code>{short}</code>: {entry.summary}.
      </p>
      {entry.lines.length > 0 && (
        <ul className="tm-changes__lines">
          {entry.lines.map((line, i) => <Line key={i} line={line} />)}
          {entry.more > 0 && <li>… and {entry.more} more {entry.more === 1 ? 'change' : 'changes'}; <code>npm run diff -- {short}~1</code> lists them all.</li>}
        </ul>
      )}
    </section>
  );
}

function Line({line}: {line: ChangesLine}): ReactNode {
  return (
    <li data-kind={line.kind} className={line.breaking ? 'tm-changes__breaking' : undefined}>
      {line.useCase}{line.id && <>, <strong>{line.id}</strong></>}: {line.breaking && <strong>Breaking: </strong>}{line.text}
    </li>
  );
}
