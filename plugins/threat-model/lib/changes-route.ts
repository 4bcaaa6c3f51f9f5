/**
 * The Changes page's route. Reading the history costs a second or two, so
 * it is read once per commit checked out: under `docusaurus start` an edit
 * to a model reloads the content, and the history only changes with a new
 * commit (the page shows commits, not the working tree).
 */
import type {RouteConfig} from '@docusaurus/types';
import type {Config} from './config';
import {git} from './diff/git';
import {buildHistory, type ChangesData} from './history';

export function changesRoute(siteDir: string, config: Config): {route: () => Promise<RouteConfig>} {
  let cached: {head: string; changes: Promise<ChangesData>} | undefined;
  async function history(): Promise<ChangesData> {
    const head = await git(siteDir, ['rev-parse', '--verify', '--quiet', 'HEAD']).then((out) => out.toString('utf8').trim(), () => '');
    if (!cached || cached.head !== head || !head) cached = {head, changes: buildHistory(siteDir, config)};
    return cached.changes;
  }
  return {
    route: async () => ({
      path: config.site.changesPath,
      component: '@theme/ThreatModelChanges',
      exact: true,
      props: {changes: await history(), referencePath: config.site.referencePath},
    }),
  };
}
