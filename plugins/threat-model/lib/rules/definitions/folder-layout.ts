import {defineRule} from '../define';

export default defineRule({
  id: 'folder-layout',
  description: 'A subfolder or a symbolic link in the threat-model folder.',
  severity: 'error',
});
