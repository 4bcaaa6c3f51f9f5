import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-feature',
  description: 'A Features entry is not a configured feature.',
  severity: 'error',
});
