import fs from 'node:fs';
import path from 'node:path';
import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import contentConfig from './threat-model.config';
import {loadConfig} from './plugins/threat-model/index';

// One entry per configured use case, in configured order. A missing file is
// left out here so that the threat-model check, not the sidebar, reports it.
const config = loadConfig(contentConfig);
const sidebars: SidebarsConfig = {
  threatModels: [
    ...config.useCases
      .filter((u) => fs.existsSync(path.join(__dirname, config.dir, `${u.id}.md`)))
      .map((u) => ({type: 'doc' as const, id: u.id, label: u.label})),
    {type: 'link', label: 'Security-model reference', href: '/reference'},
  ],
};

export default sidebars;
