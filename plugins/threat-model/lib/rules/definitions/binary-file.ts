import {defineRule} from '../define';

export default defineRule({
  id: 'binary-file',
  description: 'The file is not UTF-8 text.',
  severity: 'error',
});
