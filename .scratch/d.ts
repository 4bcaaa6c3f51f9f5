import fs from 'node:fs';
import fixtureConfig from '../tests/fixtures/threat-model.config';
import {loadConfig} from '../plugins/threat-model/lib/config';
import {parseThreatModel} from '../plugins/threat-model/lib/parse';
const web = fs.readFileSync('tests/fixtures/shared/threat-models/web.md', 'utf8');
const r = parseThreatModel(web.replace('## Scope', '## Scoop'), 'threat-models/web.md', loadConfig(fixtureConfig));
for (const d of r.diagnostics) console.log(JSON.stringify(d));
