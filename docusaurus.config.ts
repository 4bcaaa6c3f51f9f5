import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {darkCodeTheme, lightCodeTheme} from './src/theme/prism-themes';
import contentConfig from './threat-model.config';
import {threatModelSite} from './plugins/threat-model/index';
import {ssrTemplate} from './src/plugins/perf/ssrTemplate';
import {searchSite} from './src/plugins/search';
import perfPlugin from './src/plugins/perf/index';

/** Where the project's source lives: navbar, footer and "Edit this page". */
const repoUrl = process.env.SITE_REPO_URL ?? 'https://github.com/threat-model-site/threat-model-site';
const threatModels = threatModelSite({
  siteDir: __dirname,
  config: contentConfig,
  docs: {sidebarPath: './sidebars-threat-models.ts', editUrl: `${repoUrl}/edit/main/`},
});
const {referencePath, triagePath, changesPath} = threatModels.config.site;

const config: Config = {
  title: 'Node.js security model',
  tagline: 'What Node.js trusts, what it does not, and the threats in each way it is used.',
  favicon: 'img/favicon.svg',
  url: process.env.SITE_URL ?? 'https://threat-model-site.github.io',
  baseUrl: process.env.BASE_URL ?? '/',

  future: {v4: true},

  // The bundles load after the first paint: see src/plugins/perf/ssrTemplate.ts.
  ssrTemplate,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  markdown: {
    // `.md` is CommonMark: authors may write {braces}, < and <!-- -->.
    format: 'detect',
    // Every page's front matter is read as YAML data only, never run.
    parseFrontMatter: threatModels.parseFrontMatter,
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          editUrl: `${repoUrl}/edit/main/`,
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    ...threatModels.plugins,
    // Pagefind search: the navbar box, /search, and the index written after the build.
    searchSite({useCases: threatModels.config.useCases}),
    // The main bundle is evaluated in several tasks: see src/plugins/perf/clientEntry.ts.
    perfPlugin,
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'Node.js security model',
      logo: {alt: 'Node.js security model home', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'securityModel', position: 'left', label: 'Security model'},
        {type: 'docSidebar', sidebarId: 'threatModels', docsPluginId: 'threat-models', position: 'left', label: 'Threat models'},
        {to: referencePath, label: 'Reference', position: 'left'},
        {to: triagePath, label: 'Is it a vulnerability?', position: 'left'},
        {href: repoUrl, label: 'Source', position: 'right', 'aria-label': 'Source code of this site'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Security model',
          items: [
            {label: 'Overview', to: '/docs/'},
            {label: 'Permission model', to: '/docs/permission-model'},
            {label: 'Report a vulnerability', to: '/docs/report-a-vulnerability'},
            {label: 'Is this a Node.js vulnerability?', to: triagePath},
          ],
        },
        {
          title: 'Threat models',
          items: [
            {label: 'Reference', to: referencePath},
            {label: 'Changes', to: changesPath},
            {label: 'Contribute a threat model', to: '/docs/contributing'},
          ],
        },
        {
          title: 'Source',
          items: [
            {label: 'Project source', href: repoUrl},
            {label: 'Node.js SECURITY.md', href: 'https://github.com/nodejs/node/blob/main/SECURITY.md'},
          ],
        },
      ],
      copyright: 'Content describes the Node.js security model. Not an official Node.js publication.',
    },
    // github and dracula, with every token colour at 4.5:1 or more.
    prism: {theme: lightCodeTheme, darkTheme: darkCodeTheme},
  } satisfies Preset.ThemeConfig,
};

export default config;
