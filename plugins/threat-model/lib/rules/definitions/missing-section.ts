import {defineRule} from '../define';

export default defineRule({
  id: 'missing-section',
  description: 'A required section is missing.',
  severity: 'error',
});
