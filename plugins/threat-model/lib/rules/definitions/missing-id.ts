import {defineRule} from '../define';

export default defineRule({
  id: 'missing-id',
  description: 'A threat heading has no explicit {#ID}.',
  severity: 'error',
});
