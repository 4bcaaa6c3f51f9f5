import {defineRule} from '../define';

export default defineRule({
  id: 'not-applicable-reason',
  description: 'A not-applicable category has no reason, or is not a STRIDE category.',
  severity: 'error',
});
