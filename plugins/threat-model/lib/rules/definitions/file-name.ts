import {defineRule} from '../define';

export default defineRule({
  id: 'file-name',
  description: 'The file name does not match its use case.',
  severity: 'error',
});
