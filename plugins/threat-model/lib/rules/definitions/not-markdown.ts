import {defineRule} from '../define';

export default defineRule({
  id: 'not-markdown',
  description: 'A file in the threat-model folder is not a .md file.',
  severity: 'error',
});
