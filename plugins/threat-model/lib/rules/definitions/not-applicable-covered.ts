import {defineRule} from '../define';

export default defineRule({
  id: 'not-applicable-covered',
  description: 'A category is declared not applicable but a threat covers it.',
  severity: 'warning',
});
