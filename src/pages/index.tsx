import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import contentConfig from '@site/threat-model.config';
import styles from './index.module.css';

const useCases = contentConfig.useCases;

export default function Home(): ReactNode {
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
            <Link className="button button--secondary button--lg" to="/reference">
              Browse all threats
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">Threat models by use case</Heading>
        <ul className={styles.cards}>
          {useCases.map((u) => (
            <li key={u.id} className={styles.card}>
              <Link to={`/threat-models/${u.id}`}>{u.label}</Link>
              <span className={styles.prefix}>Threat IDs {u.prefix}-NN</span>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
