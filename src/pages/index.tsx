import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {
  RESPONSIBILITIES,
  responsibilityClass,
  responsibilityLabel,
  statusLabel,
  useThreatModelData,
  type UseCaseEntry,
} from 'docusaurus-plugin-threat-model/client';
import styles from './index.module.css';

export default function Home(): ReactNode {
  // Routes and counts come from the plugin, so they follow the configuration.
  const data = useThreatModelData();
  return (
    <Layout title="Home" description="The Node.js security model and one threat model per use case.">
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">The Node.js security model</Heading>
          <p className={styles.lead}>
            Node.js does not sandbox the code it runs. These pages say, for each way Node.js is used, what it trusts,
            what it does not, which threats exist, and which of them would be a Node.js vulnerability rather than the
            application&apos;s responsibility.
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/">
              Read the security model
            </Link>
            <Link className="button button--secondary button--lg" to={data.referencePath}>
              Browse all threats
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">Threat models by use case</Heading>
        <ul className={styles.cards}>
          {data.useCases.map((u) => (
            <UseCaseCard key={u.id} useCase={u} runtime={data.runtime} />
          ))}
        </ul>
      </main>
    </Layout>
  );
}

/** One use case: what it covers, who must fix its threats, and how fresh its review is. */
function UseCaseCard({useCase, runtime}: {useCase: UseCaseEntry; runtime: string}): ReactNode {
  return (
    <li className={styles.card} data-use-case={useCase.id}>
      <Heading as="h3" className={styles.cardTitle}>
        {useCase.permalink ? <Link to={useCase.permalink}>{useCase.label}</Link> : useCase.label}
      </Heading>
      <p className={styles.description}>{useCase.description ?? 'No valid threat-model file yet.'}</p>
      <p className={styles.total}>
        {useCase.threats} threats (IDs {useCase.prefix}-NN), by who must fix them:
      </p>
      <ResponsibilityCounts counts={useCase.byResponsibility} runtime={runtime} />
      <ReviewState useCase={useCase} />
    </li>
  );
}

/**
 * Every responsibility in the same order on every card, so cards compare at
 * a glance; a zero is kept but muted rather than dropped, because "no
 * runtime vulnerability here" is itself worth reading.
 */
function ResponsibilityCounts({counts, runtime}: {counts: UseCaseEntry['byResponsibility']; runtime: string}): ReactNode {
  return (
    <ul className={styles.split}>
      {RESPONSIBILITIES.map((r) => (
        <li key={r} className={counts[r] === 0 ? styles.zero : undefined} data-responsibility={r}>
          <span className={responsibilityClass(r)}>{responsibilityLabel(r, runtime).short}</span>
          <span className={styles.count}>{counts[r]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Status and date of the last review; nothing to say for a use case whose file is missing or invalid. */
function ReviewState({useCase}: {useCase: UseCaseEntry}): ReactNode {
  if (!useCase.status || !useCase.lastReviewed) return null;
  return (
    <p className={styles.review}>
      <span className={`tm-badge tm-badge--status tm-badge--status-${useCase.status}`}>{statusLabel(useCase.status)}</span>{' '}
      Last reviewed <time dateTime={useCase.lastReviewed}>{useCase.lastReviewed}</time>
    </p>
  );
}
