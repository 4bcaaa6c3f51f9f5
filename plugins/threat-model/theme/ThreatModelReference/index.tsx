/**
 * The generated security-model reference: each model's review state, trust
 * by use case, coverage matrix, all threats (filterable and sortable, the
 * query kept in the URL, and complete without JavaScript), responsibility
 * split, features → threats and, with a CVE database, the CVEs no threat cites. Data comes from route props, built once from
 * the threat-model index by plugins/threat-model/lib/plugin.ts.
 */
import {Fragment, memo, type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import type {ReferenceData} from './shared';
import {CoverageMatrix as CoverageMatrixSection} from './CoverageMatrix';
import {CveCoverage as CveCoverageSection} from './CveCoverage';
import {FeatureList as FeatureListSection} from './FeatureList';
import {ModelTable as ModelTableSection} from './ModelTable';
import {ResponsibilitySplit as ResponsibilitySplitSection} from './ResponsibilitySplit';
import {ThreatTable as ThreatTableSection} from './ThreatTable';
import {TrustTable as TrustTableSection} from './TrustTable';

// Each filter change pushes a history entry, and Docusaurus re-renders the
// route on every location change. The sections depend only on the data, so
// they skip that re-render: with 10,000 threats, the responsibility split and
// the feature list alone hold tens of thousands of links.
const ModelTable = memo(ModelTableSection);
const TrustTable = memo(TrustTableSection);
const CoverageMatrix = memo(CoverageMatrixSection);
const ThreatTable = memo(ThreatTableSection);
const ResponsibilitySplit = memo(ResponsibilitySplitSection);
const FeatureList = memo(FeatureListSection);
const CveCoverage = memo(CveCoverageSection);

export default function ReferencePage({reference}: {reference: ReferenceData}): ReactNode {
  const data = reference;
  return (
    <Layout title="Security-model reference" description={`Every ${data.runtime} threat model at a glance: trust, coverage, threats and features.`}>
      <main className="container margin-vert--lg tm-reference">
        <Heading as="h1">Security-model reference</Heading>
        <p>
          Generated from the {data.useCases.length} threat models: {data.threats.length} threats in all. The same data is
          available as JSON: <a href={reference.exportPath}>threat-models.json</a> (
          <a href={reference.schemaPath}>JSON Schema</a>).
          {reference.interchange && reference.interchange.length > 0 ? <InterchangeLinks links={reference.interchange} /> : null}
          {reference.changesPath && <> What changed in them, commit by commit, is on the <Link to={reference.changesPath}>Changes</Link> page.</>}
        </p>
        <nav aria-label="On this page">
          <ul>
            <li><a href="#models">Threat models and their review</a></li>
            <li><a href="#trust">Trust by use case</a></li>
            <li><a href="#coverage">Coverage matrix</a></li>
            <li><a href="#threats">All threats</a></li>
            <li><a href="#responsibility">Responsibility split</a></li>
            <li><a href="#features">Features and the threats they mitigate</a></li>
            {data.cves ? <li><a href="#cves">Known vulnerabilities not cited</a></li> : null}
          </ul>
        </nav>
        <ModelTable data={data} />
        <TrustTable data={data} />
        <CoverageMatrix data={data} />
        <ThreatTable data={data} />
        <ResponsibilitySplit data={data} />
        <FeatureList data={data} />
        <CveCoverage data={data} />
      </main>
    </Layout>
  );
}

/** The interchange files, after the JSON export: "For other tools: OTM, Threat Composer, TM-BOM and CSV." */
function InterchangeLinks({links}: {links: NonNullable<ReferenceData['interchange']>}): ReactNode {
  return (
    <>
      {' For other threat-modelling tools and spreadsheets: '}
      {links.map((link, i) => (
        <Fragment key={link.path}>
          {i === 0 ? '' : i === links.length - 1 ? ' and ' : ', '}
          <a href={link.path}>{link.label}</a>
        </Fragment>
      ))}
      .
    </>
  );
}
