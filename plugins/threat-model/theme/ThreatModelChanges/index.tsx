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
      {groupByUseCase(entry.lines).map(([useCase, lines], i, groups) => (
        <div key={useCase} className="tm-changes__use-case">
          <Heading as="h3">{useCase}</Heading>
          <ul className="tm-changes__lines">
            {lines.map((line, j) => <Line key={j} line={line} />)}
            {entry.more > 0 && i === groups.length - 1 && (
              <li>… and {entry.more} more {entry.more === 1 ? 'change' : 'changes'}; <code>npm run diff -- {short}~1</code> lists them all.</li>
            )}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Line({line}: {line: ChangesLine}): ReactNode {
  return (
    <li data-kind={line.kind} className={line.breaking ? 'tm-changes__breaking' : undefined}>
      {line.id && <><strong>{line.id}</strong>: </>}{line.breaking && <strong>Breaking: </strong>}{line.text}
    </li>
  );
}

/** The lines of each use case together, use cases in the order their first line comes. */
function groupByUseCase(lines: ChangesLine[]): Array<[string, ChangesLine[]]> {
  const groups = new Map<string, ChangesLine[]>();
  for (const line of lines) {
    const group = groups.get(line.useCase) ?? [];
    group.push(line);
    groups.set(line.useCase, group);
  }
  return [...groups];
}
