import {defineRule} from '../define';

export default defineRule({
  id: 'empty-file',
  description: 'The file is empty.',
  severity: 'error',
});
