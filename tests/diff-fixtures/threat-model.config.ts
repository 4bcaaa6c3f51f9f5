/**
 * Configuration for the diff cases: the fixture use cases, one more that a
 * case adds, and a tombstone for one of the IDs a case removes.
 */
import {defineConfig} from '../../plugins/threat-model/lib/define-config';

export default defineConfig({
  runtime: 'Node.js',
  dir: 'threat-models',
  useCases: [
    {id: 'web', label: 'Web server', prefix: 'WEB'},
    {id: 'tool', label: 'Command-line tool', prefix: 'TOOL'},
    {id: 'desk', label: 'Desktop application', prefix: 'DESK'},
  ],
  retiredIds: [
    {id: 'WEB-02', reason: 'Folded into WEB-04, which covers every slow-client attack.', replacedBy: 'WEB-04'},
  ],
});
