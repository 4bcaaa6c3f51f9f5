import {defineRule} from '../define';

export default defineRule({
  id: 'missing-reference',
  description: 'A threat cites no source.',
  severity: 'error',
});
