/**
 * `npm run schema [-- <dir>]`: write the JSON Schema that editors use to
 * validate and complete threat-model front matter. It is generated from the
 * same zod schema the check uses; a unit test fails when the committed file
 * is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import {frontMatterJsonSchema} from '../plugins/threat-model/lib/schema';

const FILE = 'threat-model-front-matter.schema.json';

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'schemas'));
fs.mkdirSync(dir, {recursive: true});
fs.writeFileSync(path.join(dir, FILE), `${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, FILE))}`);
