import path from 'node:path';
import {copySite, edit, startDevServer} from '../tests/e2e/dev-server';
(async () => {
  const dir = copySite('/work/main/tests/e2e/.work/dev-site2');
  const s = await startDevServer(dir, 3281);
  const n = s.output().length;
  edit(path.join(dir, 'threat-models/desktop.md'), /^(### Application code modified on disk \{#DSK-06\}\n[\s\S]*?- Severity: )\w+$/m, '$1severe');
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 6000));
  console.log(s.output().slice(n)); require('child_process').execSync('find ' + dir + '/.docusaurus -newermt @' + Math.floor(t0/1000) + ' -type f', {stdio: 'inherit'});
  await s.stop();
})();
