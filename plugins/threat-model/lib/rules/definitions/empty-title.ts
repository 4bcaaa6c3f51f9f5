import {defineRule} from '../define';

export default defineRule({
  id: 'empty-title',
  description: 'A threat heading has an ID but no title.',
  severity: 'error',
});
