import {defineRule} from '../define';

export default defineRule({
  id: 'duplicate-use-case',
  description: 'Two files model the same use case.',
  severity: 'error',
});
