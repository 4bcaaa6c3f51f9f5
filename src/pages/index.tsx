import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {useThreatModelData} from 'docusaurus-plugin-threat-model/client';
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
            <li key={u.id} className={styles.card}>
              {u.permalink ? <Link to={u.permalink}>{u.label}</Link> : <span>{u.label}</span>}
              <span className={styles.prefix}>
                {u.threats} threats, IDs {u.prefix}-NN
              </span>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
