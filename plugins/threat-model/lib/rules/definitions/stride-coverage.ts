import {defineRule} from '../define';

export default defineRule({
  id: 'stride-coverage',
  description: 'A STRIDE category is neither covered nor declared not applicable.',
  severity: 'error',
});
