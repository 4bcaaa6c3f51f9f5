import {defineRule} from '../define';

export default defineRule({
  id: 'duplicate-id',
  description: 'Two threats share one ID.',
  severity: 'error',
});
