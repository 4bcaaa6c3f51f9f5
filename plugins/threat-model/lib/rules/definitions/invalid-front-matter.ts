import {defineRule} from '../define';

export default defineRule({
  id: 'invalid-front-matter',
  description: 'A front-matter field has the wrong type or format.',
  severity: 'error',
});
