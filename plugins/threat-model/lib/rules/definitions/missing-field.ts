import {defineRule} from '../define';

export default defineRule({
  id: 'missing-field',
  description: 'A required field is missing.',
  severity: 'error',
});
