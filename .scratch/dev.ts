import {copySite, startDevServer} from '../tests/e2e/dev-server';
(async () => {
  const t = Date.now();
  const s = await startDevServer(copySite('/work/main/tests/e2e/.work/dev-site'), 3270);
  console.log('started in', Date.now() - t);
  console.log(s.output().slice(-2000));
  await s.stop();
})();
