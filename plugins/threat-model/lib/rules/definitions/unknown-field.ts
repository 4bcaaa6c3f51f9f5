import {defineRule} from '../define';

export default defineRule({
  id: 'unknown-field',
  description: 'A field name is not part of the format.',
  severity: 'error',
});
